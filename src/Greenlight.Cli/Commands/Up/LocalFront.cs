using System.Text.Json.Nodes;
using Greenlight.Cli.Api;

namespace Greenlight.Cli.Commands.Up;

/// <summary>
/// A target group and a load balancer forwarding to it, created if missing and left as they are if present, so
/// <c>greenlight up</c> can run again on the same data. <see cref="Spec"/> says how they are made.
/// </summary>
internal static class LocalFront
{
    /// <summary>What to create: names, the listener's address (port 0: a free one), the app's port, the health check's pace.</summary>
    public sealed record Spec(string LoadBalancer, string TargetGroup, string Listen, int Port = 18080, double HealthIntervalSeconds = 2, double DeregistrationDelaySeconds = 5);

    /// <summary>What was found or made: the listener's bound address (<c>127.0.0.1:7481</c>), or why it does not listen.</summary>
    public sealed record Result(string? Bound, string? Error, bool Created);

    /// <summary>Ensures both; the listener's bound address, or its error (e.g. the address is in use).</summary>
    public static async Task<Result> EnsureAsync(ApiConnection api, Spec spec, CancellationToken ct)
    {
        var created = false;
        if (await FindAsync(api, $"target-groups/{spec.TargetGroup}", ct) is null)
        {
            await api.PostAsync("target-groups", new
            {
                targetGroupName = spec.TargetGroup,
                port = spec.Port,
                healthCheck = new
                {
                    path = "/health", intervalSeconds = spec.HealthIntervalSeconds, timeoutSeconds = Math.Min(1, spec.HealthIntervalSeconds * 0.75),
                    healthyThreshold = 2, unhealthyThreshold = 2, matcher = "200",
                },
                deregistrationDelaySeconds = spec.DeregistrationDelaySeconds,
            }, ct);
            created = true;
        }

        var balancer = await FindAsync(api, $"load-balancers/{spec.LoadBalancer}", ct);
        if (balancer is null)
        {
            balancer = await api.PostAsync("load-balancers", new
            {
                loadBalancerName = spec.LoadBalancer,
                listeners = new[] { new { address = spec.Listen, protocol = "HTTP", forward = new[] { new { targetGroupName = spec.TargetGroup, weight = 1 } } } },
            }, ct);
            created = true;
        }

        var listener = balancer["loadBalancer"]?["listeners"]?[0];
        return listener?["boundAddress"]?.GetValue<string>() is { } bound
            ? new Result(bound, null, created)
            : new Result(null, $"{listener?["address"]}: {listener?["error"]?.GetValue<string>() ?? listener?["state"]?.GetValue<string>() ?? "no listener"}", created);
    }

    private static async Task<JsonNode?> FindAsync(ApiConnection api, string path, CancellationToken ct)
    {
        try
        {
            return await api.GetAsync(path, ct);
        }
        catch (ApiException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
