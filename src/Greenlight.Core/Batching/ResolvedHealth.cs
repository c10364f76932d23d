using Greenlight.Core.Deployments;

namespace Greenlight.Core.Batching;

/// <summary>
/// A configuration resolved against a fleet of <see cref="InstanceCount"/> instances (see <see cref="HealthConstraints.Resolve"/>).
/// </summary>
/// <param name="InstanceCount">N, the number of target instances.</param>
/// <param name="MinHealthy">Instances that must stay healthy (succeeded or not yet attempted).</param>
/// <param name="MaxInFlight">The cap: at most this many instances are deployed to at once. 0 when <see cref="Invalid"/>.</param>
/// <param name="IsOneAtATime">Resolved from <c>CodeDeployDefault.OneAtATime</c>.</param>
/// <param name="Invalid">
/// Why the deployment fails before touching any instance (<see cref="DeploymentErrorCode.NoInstances"/> or
/// <see cref="DeploymentErrorCode.HealthConstraintsInvalid"/>); null when it may start.
/// </param>
public readonly record struct ResolvedHealth(
    int InstanceCount, int MinHealthy, int MaxInFlight, bool IsOneAtATime, DeploymentErrorCode? Invalid)
{
    public bool IsValid => Invalid is null;

    /// <summary>Successes needed for the deployment to succeed: max(<see cref="MinHealthy"/>, 1) (rule 5: at least one).</summary>
    public int RequiredSuccesses => Math.Max(MinHealthy, 1);
}
