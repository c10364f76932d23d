using System.Collections.Immutable;
using Greenlight.LoadBalancer.Configuration;

namespace Greenlight.LoadBalancer.Tests.TestSupport;

/// <summary>Configuration builders with test timings: health checks every 0.1 s, 2 passes / 2 failures.</summary>
internal static class TestConfig
{
    public static HealthCheckConfig FastHealth { get; } = new("/health", TimeSpan.FromSeconds(0.1), TimeSpan.FromSeconds(1), 2, 2, "200");

    public static TargetConfig Target(TestBackend backend, TargetPool pool = TargetPool.Blue) => new(backend.Name, "127.0.0.1", backend.Port, pool);

    public static TargetGroupConfig Group(
        string name,
        IEnumerable<TargetConfig> targets,
        int greenWeight = 0,
        BalancingAlgorithm algorithm = BalancingAlgorithm.RoundRobin,
        TimeSpan? deregistrationDelay = null,
        HealthCheckConfig? health = null) =>
        new(name, health ?? FastHealth, deregistrationDelay ?? TimeSpan.FromSeconds(30), algorithm, greenWeight, [.. targets]);

    public static ListenerConfig Listener(string address = "127.0.0.1:0", string loadBalancer = "lb", params (string Group, int Weight)[] forward) =>
        new(loadBalancer, address, false, null, null, [.. forward.Select(f => new WeightedTargetGroup(f.Group, f.Weight))]);

    public static LoadBalancingConfig Config(ListenerConfig listener, params TargetGroupConfig[] groups) => new([listener], [.. groups]);

    public static LoadBalancingConfig Config(ImmutableArray<ListenerConfig> listeners, params TargetGroupConfig[] groups) => new(listeners, [.. groups]);
}
