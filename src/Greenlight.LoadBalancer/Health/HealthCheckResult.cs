namespace Greenlight.LoadBalancer.Health;

/// <summary>One health check: passed, or why not (<c>HealthCheckFailed: status 503</c>).</summary>
internal sealed record HealthCheckResult(bool Passed, string? Failure)
{
    public static HealthCheckResult Pass { get; } = new(true, null);

    public static HealthCheckResult Fail(string why) => new(false, "HealthCheckFailed: " + why);
}
