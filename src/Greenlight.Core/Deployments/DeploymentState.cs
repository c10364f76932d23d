using System.Collections.Immutable;
using Greenlight.Core.Alarms;

namespace Greenlight.Core.Deployments;

/// <summary>
/// Everything the machine knows about one deployment. Immutable: <see cref="DeploymentMachine.Decide"/>
/// returns the next state as a value; the engine stores it with the commands in one transaction.
/// </summary>
public sealed record DeploymentState(
    DeploymentSpec Spec,
    DeploymentStatus Status,
    DeploymentPhase Phase,
    ImmutableArray<InstanceState> Instances,
    TrafficProgress Traffic,
    ImmutableSortedDictionary<string, AlarmState> Alarms,
    DateTimeOffset? StartedAt,
    DateTimeOffset? PhaseStartedAt,
    DateTimeOffset? CompletedAt,
    FailureReason? Failure,
    RollbackInfo? Rollback,
    ImmutableArray<string> OutdatedInstances,
    string Reason)
{
    /// <summary>A deployment as created: nothing has happened yet.</summary>
    public static DeploymentState Create(DeploymentSpec spec) => new(
        spec,
        DeploymentStatus.Created,
        DeploymentPhase.NotStarted,
        [],
        TrafficProgress.None,
        ImmutableSortedDictionary.Create<string, AlarmState>(StringComparer.Ordinal),
        null,
        null,
        null,
        null,
        spec.RollbackTriggeringDeploymentId is { } triggering
            ? new RollbackInfo(null, triggering, $"rollback of {triggering}")
            : null,
        [],
        "created; waiting to start");

    public string DeploymentId => Spec.DeploymentId;

    public InstanceState? Find(string instanceId) =>
        Instances.FirstOrDefault(i => string.Equals(i.InstanceId, instanceId, StringComparison.Ordinal));
}
