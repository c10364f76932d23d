using System.Collections.Frozen;
using Greenlight.LoadBalancer.Configuration;
using Greenlight.LoadBalancer.Metrics;
using Greenlight.LoadBalancer.Targets;

namespace Greenlight.LoadBalancer.Routing;

/// <summary>
/// Everything a request needs to find its target, immutable: per listener (by <see cref="ListenerKey"/>) the target
/// groups it forwards to with their running weight sums, and per group the healthy targets of each pool. Rebuilt and
/// swapped whole (Interlocked.Exchange) on every change of configuration or health; a request reads one snapshot.
/// Members are immutable or thread-safe (counters, meters, targets' in-flight counts).
/// </summary>
internal sealed record RoutingSnapshot(FrozenDictionary<string, ListenerRoute> Listeners)
{
    public static RoutingSnapshot Empty { get; } = new(FrozenDictionary<string, ListenerRoute>.Empty);
}

/// <summary>A listener's forward action: groups with weight above 0 and the running sums of their weights.</summary>
internal sealed record ListenerRoute(GroupRoute[] Groups, int[] RunningWeights);

/// <summary>A target group as routing sees it: its healthy targets by pool.</summary>
internal sealed record GroupRoute(
    string Name,
    BalancingAlgorithm Algorithm,
    int GreenWeight,
    TargetRuntime[] Blue,
    TargetRuntime[] Green,
    RoundRobinCounter Counter,
    TrafficMeter Meter,
    string NoHealthyTargetMessage);
