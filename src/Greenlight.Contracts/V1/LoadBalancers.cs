namespace Greenlight.Contracts.V1;

/// <summary>
/// A listener of a load balancer: where it listens (<c>127.0.0.1:8080</c>; port 0 picks a free port, shown in
/// <see cref="ListenerInfo.BoundAddress"/>), HTTP or HTTPS (with a PEM or PFX certificate file), and the target
/// groups it forwards to with their relative weights (ELB's weighted forward action).
/// </summary>
public sealed record ListenerSpec(string? Address, string? Protocol = "HTTP", IReadOnlyList<ForwardTargetGroup>? Forward = null, string? CertificateFile = null, string? CertificateKeyFile = null);

/// <summary>One target group of a listener's forward action; weights are relative (0–999, ELB's range).</summary>
public sealed record ForwardTargetGroup(string? TargetGroupName, int Weight = 1);

/// <summary>CreateLoadBalancer / UpdateLoadBalancer (listeners replaced as a whole on update).</summary>
public sealed record LoadBalancerInput(string? LoadBalancerName, IReadOnlyList<ListenerSpec>? Listeners);

/// <summary>A listener as it runs: State <c>active</c> or <c>failed</c> (with <see cref="Error"/>, e.g. the address is in use).</summary>
public sealed record ListenerInfo(string Address, string Protocol, IReadOnlyList<ForwardTargetGroup> Forward, string? CertificateFile, string State, string? BoundAddress, string? Error);

public sealed record LoadBalancerInfo(string LoadBalancerName, IReadOnlyList<ListenerInfo> Listeners, DateTimeOffset CreatedTime);

/// <summary>
/// A target group's health check (ELB's names): GET <see cref="Path"/> every <see cref="IntervalSeconds"/> (fractions allowed,
/// at least 0.1), a response within <see cref="TimeoutSeconds"/> whose status matches <see cref="Matcher"/> (<c>200</c>,
/// <c>200,204</c> or <c>200-299</c>) passes; <see cref="HealthyThreshold"/> passes in a row make a target healthy,
/// <see cref="UnhealthyThreshold"/> failures in a row unhealthy.
/// A field left out means the default on create (path <c>/</c>, 10 s, 5 s, 3, 2, <c>200</c>) and "unchanged" on update.
/// </summary>
public sealed record HealthCheckSpec(string? Path = null, double? IntervalSeconds = null, double? TimeoutSeconds = null, int? HealthyThreshold = null, int? UnhealthyThreshold = null, string? Matcher = null);

/// <summary>
/// CreateTargetGroup / UpdateTargetGroup. Port: the port targets listen on (the instance's address plus this port);
/// DeregistrationDelaySeconds: how long a deregistered target may finish in-flight requests (draining);
/// Algorithm: <c>round_robin</c> (default) or <c>least_outstanding_requests</c>.
/// </summary>
public sealed record TargetGroupInput(string? TargetGroupName, int? Port = null, HealthCheckSpec? HealthCheck = null, double? DeregistrationDelaySeconds = null, string? Algorithm = null);

/// <summary>
/// A target and its health. Pool: <c>blue</c> (serving) or <c>green</c> (a blue/green deployment's replacement, receiving
/// the group's green weight). State: <c>initial</c>, <c>healthy</c>, <c>unhealthy</c>, <c>draining</c> or <c>unused</c>
/// (no listener forwards to the group). Reason says why (e.g. <c>HealthCheckFailed: status 503</c>).
/// </summary>
public sealed record TargetHealthInfo(string InstanceId, string? Address, int Port, string Pool, string State, string? Reason, int InFlight);

/// <summary>A target group: its settings, green weight (0–100, set by blue/green deployments), targets and the load balancers using it.</summary>
public sealed record TargetGroupInfo(
    string TargetGroupName,
    int Port,
    HealthCheckSpec HealthCheck,
    double DeregistrationDelaySeconds,
    string Algorithm,
    int GreenWeight,
    IReadOnlyList<TargetHealthInfo> Targets,
    IReadOnlyList<string> LoadBalancerNames,
    DateTimeOffset CreatedTime);

/// <summary>RegisterTargets / DeregisterTargets: instances by id; Port overrides the group's port.</summary>
public sealed record TargetRef(string? InstanceId, int? Port = null);

public sealed record TargetsInput(IReadOnlyList<TargetRef>? Targets);

/// <summary>
/// Traffic through a target group (or one target) in a window: requests, responses by class, connection errors
/// (the target could not be reached or reset the connection), latency percentiles in milliseconds (null when no
/// response), and health transitions.
/// </summary>
public sealed record TrafficMetrics(
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

public sealed record TargetMetricsInfo(string InstanceId, TrafficMetrics Metrics);

/// <summary>GET /target-groups/{name}/metrics?seconds=N (default 60, at most 900): the group's and each target's traffic in the last N seconds.</summary>
public sealed record TargetGroupMetricsInfo(string TargetGroupName, DateTimeOffset From, DateTimeOffset To, TrafficMetrics Total, IReadOnlyList<TargetMetricsInfo> Targets);

/// <summary>A deployment's traffic split (blue/green): the weights in force and the schedule's step (1-based; 0 before the first).</summary>
public sealed record TrafficInfo(int BlueWeight, int GreenWeight, int Step, int Steps, string Schedule);
