namespace Greenlight.LoadBalancer.Status;

/// <summary>
/// ELB's target states: Initial (registered, not yet passed its health check), Healthy, Unhealthy, Draining
/// (deregistered, finishing in-flight requests) and Unused (no listener forwards to its group).
/// </summary>
public enum TargetState
{
    Initial,
    Healthy,
    Unhealthy,
    Draining,
    Unused,
}

/// <summary>A target as the load balancer sees it now.</summary>
public sealed record TargetStatus(
    string TargetGroup,
    string Id,
    string Host,
    int Port,
    Configuration.TargetPool Pool,
    TargetState State,
    string? Reason,
    int InFlight,
    DateTimeOffset Since);

/// <summary>
/// A target changed state. <see cref="To"/> null: it is gone (draining ended, or it was removed without ever
/// receiving traffic).
/// </summary>
public sealed record TargetEvent(string TargetGroup, string Id, TargetState? From, TargetState? To, DateTimeOffset At, string? Reason);

/// <summary>A listener: <see cref="BoundAddress"/> where it listens once started, or <see cref="Error"/> why it could not.</summary>
public sealed record ListenerStatus(string LoadBalancer, string Address, string? BoundAddress, string? Error);

/// <summary>Traffic in a window (see Contracts' TrafficMetrics for the meaning of each figure).</summary>
public sealed record MetricsWindow(
    long Requests,
    long Responses2xx,
    long Responses3xx,
    long Responses4xx,
    long Responses5xx,
    long ConnectionErrors,
    double? LatencyP50Ms,
    double? LatencyP90Ms,
    double? LatencyP99Ms,
    long HealthTransitions);
