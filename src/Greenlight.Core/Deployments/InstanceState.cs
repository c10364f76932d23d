using System.Collections.Immutable;
using Greenlight.Core.Lifecycle;

namespace Greenlight.Core.Deployments;

/// <summary>
/// One instance inside a deployment: the steps it runs now (<see cref="Plan"/>), which one is current,
/// whether the agent acknowledged it, the deadline it must meet, and the history of every event it ran.
/// </summary>
public sealed record InstanceState(
    string InstanceId,
    InstanceRole Role,
    Batching.RevisionHealth Health,
    InstanceStatus Status,
    ImmutableArray<LifecycleStep> Plan,
    int StepIndex,
    int Attempt,
    bool Acknowledged,
    DateTimeOffset? Deadline,
    ImmutableArray<EventRecord> Events,
    InstanceDiagnostics? Diagnostics)
{
    public static InstanceState Create(TargetInstance target, InstanceRole role, ImmutableArray<LifecycleStep> plan) =>
        new(target.InstanceId, role, target.Health, InstanceStatus.Pending, plan, -1, 1, false, null, [], null);

    public LifecycleStep? CurrentStep => StepIndex >= 0 && StepIndex < Plan.Length ? Plan[StepIndex] : null;

    public bool IsTerminal => Status is InstanceStatus.Succeeded or InstanceStatus.Failed or InstanceStatus.Skipped;

    /// <summary>The idempotency key of the current step: deployment/instance/event/attempt.</summary>
    public string StepKey(string deploymentId) =>
        CurrentStep is { } step ? CommandKey.ForEvent(deploymentId, InstanceId, step.Event, Attempt) : "";
}
