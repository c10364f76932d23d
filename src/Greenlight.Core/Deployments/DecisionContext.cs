using System.Collections.Immutable;

namespace Greenlight.Core.Deployments;

/// <summary>The working state of one <see cref="DeploymentMachine.Decide"/> call: the state so far and the commands gathered.</summary>
internal sealed class DecisionContext(DeploymentState state, DateTimeOffset now)
{
    public DeploymentState State { get; set; } = state;

    public DateTimeOffset Now { get; } = now;

    public ImmutableArray<Command>.Builder Commands { get; } = ImmutableArray.CreateBuilder<Command>();

    public DeploymentSpec Spec => State.Spec;

    public string Id => State.Spec.DeploymentId;

    public void Emit(Command command) => Commands.Add(command);

    public void Update(InstanceState instance) =>
        State = State with
        {
            Instances = State.Instances.SetItem(
                State.Instances.FindIndex(i => string.Equals(i.InstanceId, instance.InstanceId, StringComparison.Ordinal)),
                instance),
        };

    public void EnterPhase(DeploymentPhase phase, DeploymentStatus status = DeploymentStatus.InProgress) =>
        State = State with { Phase = phase, Status = status, PhaseStartedAt = Now };
}
