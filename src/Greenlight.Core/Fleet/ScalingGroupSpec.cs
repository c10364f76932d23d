using System.Collections.Immutable;

namespace Greenlight.Core.Fleet;

/// <summary>
/// What a scaling group is asked to be: capacity bounds and target, the launch template version new instances get,
/// the grace period before a new instance's health counts, and its lifecycle hooks (the user's and those deployment
/// groups install). <see cref="HealthCheck"/> says whether the load balancer's target health counts as well (Agent
/// when not set).
/// </summary>
public sealed record ScalingGroupSpec(
    string Name,
    int MinSize,
    int MaxSize,
    int DesiredCapacity,
    int LaunchTemplateVersion,
    TimeSpan HealthCheckGracePeriod,
    ImmutableArray<ScalingHook> Hooks)
{
    /// <summary>Which health checks count after the grace period: the agent's only, or the load balancer's as well.</summary>
    public HealthCheckType HealthCheck { get; init; } = HealthCheckType.Agent;
}
