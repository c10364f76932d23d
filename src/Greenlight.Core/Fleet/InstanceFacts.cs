using System.Collections.Immutable;

namespace Greenlight.Core.Fleet;

/// <summary>
/// What the shell saw of an instance at the moment of deciding: whether its agent has ever been heard from, when last,
/// whether its process (for providers that run one) is alive, and what the load balancer's health checks say of it.
/// </summary>
public sealed record InstanceFacts(DateTimeOffset? LastHeartbeat, bool ProcessAlive)
{
    public static InstanceFacts Unknown { get; } = new(null, true);

    /// <summary>
    /// The load balancer's verdict: false when some target group it is registered in reports it unhealthy, true when
    /// every one that checks it reports it healthy, null when it is registered nowhere or nothing is known yet.
    /// </summary>
    public bool? LoadBalancerHealthy { get; init; }

    /// <summary>The target groups that report it unhealthy (for the activity's cause), when <see cref="LoadBalancerHealthy"/> is false.</summary>
    public ImmutableArray<string> UnhealthyTargetGroups { get; init; } = [];
}
