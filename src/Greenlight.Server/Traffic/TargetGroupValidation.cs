using System.Globalization;
using Greenlight.Contracts.V1;
using Greenlight.Server.Api;

namespace Greenlight.Server.Traffic;

/// <summary>Checks a target group's settings and targets; every problem names the field (InvalidTargetGroupException / InvalidTargetException).</summary>
public static class TargetGroupValidation
{
    public const string RoundRobin = "round_robin";

    public const string LeastOutstandingRequests = "least_outstanding_requests";

    public static ApiError? Port(int? port) =>
        port is null or < 1 or > 65535 ? Invalid($"port {Text(port)} must be from 1 to 65535") : null;

    public static ApiError? DeregistrationDelay(double? seconds) =>
        seconds is < 0 or > 3600 || (seconds is { } s && !double.IsFinite(s))
            ? Invalid($"deregistrationDelaySeconds {Text(seconds)} must be from 0 to 3600")
            : null;

    public static ApiError? Algorithm(string? algorithm) =>
        algorithm is null or RoundRobin or LeastOutstandingRequests ? null : Invalid($"algorithm '{algorithm}' must be {RoundRobin} or {LeastOutstandingRequests}");

    public static ApiError? HealthCheck(HealthCheckSpec spec)
    {
        if (spec.Path is not { Length: > 0 } path || path[0] != '/' || path.Any(char.IsWhiteSpace))
        {
            return Invalid($"healthCheck.path '{spec.Path}' must start with '/' and hold no spaces");
        }

        var interval = spec.IntervalSeconds ?? 10;
        if (!double.IsFinite(interval) || interval < 0.1 || interval > 300)
        {
            return Invalid($"healthCheck.intervalSeconds {Text(interval)} must be from 0.1 to 300");
        }

        var timeout = spec.TimeoutSeconds ?? 5;
        if (!double.IsFinite(timeout) || timeout <= 0 || timeout >= interval)
        {
            return Invalid($"healthCheck.timeoutSeconds {Text(timeout)} must be more than 0 and less than intervalSeconds {Text(interval)}");
        }

        if (spec.HealthyThreshold is < 2 or > 10)
        {
            return Invalid($"healthCheck.healthyThreshold {spec.HealthyThreshold} must be from 2 to 10");
        }

        if (spec.UnhealthyThreshold is < 2 or > 10)
        {
            return Invalid($"healthCheck.unhealthyThreshold {spec.UnhealthyThreshold} must be from 2 to 10");
        }

        return IsMatcher(spec.Matcher ?? "200")
            ? null
            : Invalid($"healthCheck.matcher '{spec.Matcher}' must be status codes (200-599) like 200, 200,204 or 200-299");
    }

    /// <summary>ELB's matcher: codes and ranges (<c>200</c>, <c>200,204</c>, <c>200-299</c>) from 200 to 599.</summary>
    public static bool IsMatcher(string matcher) =>
        matcher.Length > 0 && matcher.Split(',').All(part =>
        {
            var bounds = part.Split('-');
            if (bounds.Length > 2 || !bounds.All(b => int.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 200 and <= 599))
            {
                return false;
            }

            return bounds.Length == 1 || int.Parse(bounds[0], CultureInfo.InvariantCulture) <= int.Parse(bounds[1], CultureInfo.InvariantCulture);
        });

    /// <summary>An update's health check: the fields given replace those of <paramref name="current"/>, the rest stay.</summary>
    public static HealthCheckSpec Merge(HealthCheckSpec update, HealthCheckSpec current) =>
        Complete(new(update.Path ?? current.Path, update.IntervalSeconds ?? current.IntervalSeconds, update.TimeoutSeconds ?? current.TimeoutSeconds,
            update.HealthyThreshold ?? current.HealthyThreshold, update.UnhealthyThreshold ?? current.UnhealthyThreshold, update.Matcher ?? current.Matcher));

    /// <summary>The spec with every default filled in, as stored.</summary>
    public static HealthCheckSpec Complete(HealthCheckSpec? spec) =>
        new(spec?.Path ?? "/", spec?.IntervalSeconds ?? 10, spec?.TimeoutSeconds ?? 5, spec?.HealthyThreshold ?? 3, spec?.UnhealthyThreshold ?? 2, spec?.Matcher ?? "200");

    public static ApiError InvalidTarget(string message) => ApiErrors.Invalid("InvalidTargetException", message);

    public static ApiError NotFound(string name) => ApiErrors.NotFound("TargetGroupNotFoundException", $"target group '{name}' does not exist");

    public static ApiError Invalid(string message) => ApiErrors.Invalid("InvalidTargetGroupException", message);

    private static string Text(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "(missing)";
}
