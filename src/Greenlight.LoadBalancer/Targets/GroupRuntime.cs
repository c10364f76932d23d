using Greenlight.LoadBalancer.Configuration;
using Greenlight.LoadBalancer.Metrics;
using Greenlight.LoadBalancer.Routing;

namespace Greenlight.LoadBalancer.Targets;

/// <summary>A configured target group and its registered targets by id (changed only under the runtime's lock).</summary>
internal sealed class GroupRuntime(TargetGroupConfig config, TrafficMeter meter)
{
    public string Name { get; } = config.Name;

    public TargetGroupConfig Config { get; set; } = config;

    public Dictionary<string, TargetRuntime> Targets { get; } = new(StringComparer.Ordinal);

    public RoundRobinCounter Counter { get; } = new();

    public TrafficMeter Meter { get; } = meter;

    /// <summary>The 503 body when the group has no healthy target.</summary>
    public string NoHealthyTargetMessage { get; } = "no healthy target in target group " + config.Name;
}
