using System.Collections.Immutable;

namespace Greenlight.LoadBalancer.Configuration;

/// <summary>The whole desired state of the load balancer: every listener and every target group with its targets.</summary>
public sealed record LoadBalancingConfig(ImmutableArray<ListenerConfig> Listeners, ImmutableArray<TargetGroupConfig> TargetGroups)
{
    public static LoadBalancingConfig Empty { get; } = new([], []);
}

/// <summary>
/// A listener: <paramref name="Address"/> is <c>HOST:PORT</c> (port 0: any free port). HTTPS needs a certificate: a PFX
/// file, or a PEM certificate with <paramref name="CertificateKeyFile"/>. Requests go to the forward target groups
/// by their relative weights.
/// </summary>
public sealed record ListenerConfig(
    string LoadBalancer,
    string Address,
    bool Https,
    string? CertificateFile,
    string? CertificateKeyFile,
    ImmutableArray<WeightedTargetGroup> Forward);

public sealed record WeightedTargetGroup(string TargetGroup, int Weight);

/// <summary>
/// A target group. Targets in the <see cref="TargetPool.Green"/> pool get <paramref name="GreenWeight"/> percent of the
/// group's requests, blue ones the rest (all of them while green has no target, or weight 0).
/// </summary>
public sealed record TargetGroupConfig(
    string Name,
    HealthCheckConfig HealthCheck,
    TimeSpan DeregistrationDelay,
    BalancingAlgorithm Algorithm,
    int GreenWeight,
    ImmutableArray<TargetConfig> Targets);

/// <summary>A target: an instance id, the address and port requests go to, and its pool.</summary>
public sealed record TargetConfig(string Id, string Host, int Port, TargetPool Pool);

/// <summary>
/// GET <paramref name="Path"/> every <paramref name="Interval"/>; a response within <paramref name="Timeout"/> whose status
/// matches <paramref name="Matcher"/> (<c>200</c>, <c>200,204</c>, <c>200-299</c>) passes.
/// </summary>
public sealed record HealthCheckConfig(string Path, TimeSpan Interval, TimeSpan Timeout, int HealthyThreshold, int UnhealthyThreshold, string Matcher)
{
    public static HealthCheckConfig Default { get; } = new("/", TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), 3, 2, "200");
}

public enum TargetPool
{
    Blue,
    Green,
}

public enum BalancingAlgorithm
{
    RoundRobin,
    LeastOutstandingRequests,
}
