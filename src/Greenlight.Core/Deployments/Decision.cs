using System.Collections.Immutable;

namespace Greenlight.Core.Deployments;

/// <summary>
/// The value <see cref="DeploymentMachine.Decide"/> returns: the next state, the commands to carry out,
/// when to wake the machine if nothing else happens, the failure if the deployment just failed or stopped,
/// and a rejection if the observation did not apply (then <see cref="Next"/> is the unchanged state).
/// </summary>
public sealed record Decision(
    DeploymentState Next,
    ImmutableArray<Command> Commands,
    DateTimeOffset? WakeAt,
    FailureReason? Failure,
    Rejection? Rejection)
{
    public bool IsRejected => Rejection is not null;
}
