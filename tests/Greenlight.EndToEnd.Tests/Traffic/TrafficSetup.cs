using System.Text.Json.Nodes;
using Greenlight.EndToEnd.Tests.Fleet;
using Greenlight.Testing;

namespace Greenlight.EndToEnd.Tests.Traffic;

/// <summary>
/// The built-in load balancer in front of a <see cref="FleetScenario"/>: target group <c>web</c> (the sample app's port,
/// its /health checked every 200 ms, 2 passes to be healthy) and load balancer <c>front</c> with one listener on a free
/// loopback port forwarding to it.
/// </summary>
internal static class TrafficSetup
{
    public const string TargetGroup = "web";

    /// <summary>Long enough for the slow requests of the tests (3 s) to finish on a draining target.</summary>
    public static readonly TimeSpan DeregistrationDelay = TimeSpan.FromSeconds(8);

    public static async Task CreateTargetGroupAsync(FleetScenario fleet) =>
        await FleetScenario.Expect(201, fleet.Admin.PostAsync("/api/v1/target-groups", new
        {
            targetGroupName = TargetGroup,
            port = 18080,
            healthCheck = new { path = "/health", intervalSeconds = 0.2, timeoutSeconds = 0.15, healthyThreshold = 2, unhealthyThreshold = 2, matcher = "200" },
            deregistrationDelaySeconds = DeregistrationDelay.TotalSeconds,
        }));

    /// <summary>Creates the load balancer and returns its listener's base address.</summary>
    public static async Task<Uri> CreateLoadBalancerAsync(FleetScenario fleet)
    {
        var (status, body) = await fleet.Admin.PostAsync("/api/v1/load-balancers", new
        {
            loadBalancerName = "front",
            listeners = new[] { new { address = "127.0.0.1:0", protocol = "HTTP", forward = new[] { new { targetGroupName = TargetGroup, weight = 1 } } } },
        });
        Assert.True(status == 201, body?.ToJsonString());
        var bound = body!["loadBalancer"]!["listeners"]![0]!["boundAddress"]!.GetValue<string>();
        return new Uri($"http://{bound}/");
    }

    /// <summary>The target group's targets: instance id → (pool, state).</summary>
    public static async Task<IReadOnlyDictionary<string, (string Pool, string State)>> TargetsAsync(FleetScenario fleet)
    {
        var (_, body) = await fleet.Admin.GetAsync($"/api/v1/target-groups/{TargetGroup}/targets");
        return body!["targets"]!.AsArray()
            .Where(t => t!["state"]!.GetValue<string>() != "draining")
            .ToDictionary(t => t!["instanceId"]!.GetValue<string>(), t => (t!["pool"]!.GetValue<string>(), t["state"]!.GetValue<string>()), StringComparer.Ordinal);
    }

    public static Task WaitForHealthyAsync(FleetScenario fleet, int count) =>
        Eventually.Until(() => TargetsAsync(fleet), t => t.Count == count && t.Values.All(v => v.State == "healthy"), FleetScenario.Timeout,
            $"{count} healthy targets in {TargetGroup}");

    /// <summary>The deployment's traffic split (green weight) as the API shows it, or null for none.</summary>
    public static async Task<int?> GreenWeightAsync(FleetScenario fleet, string deploymentId)
    {
        var (_, body) = await fleet.Admin.GetAsync($"/api/v1/deployments/{deploymentId}");
        return body!["deploymentInfo"]!["traffic"]?["greenWeight"]?.GetValue<int>();
    }

    public static async Task<string> StatusAsync(FleetScenario fleet, string deploymentId) =>
        (await fleet.Admin.GetAsync($"/api/v1/deployments/{deploymentId}")).Body!["deploymentInfo"]!["status"]!.GetValue<string>();

    public static async Task<JsonNode> GroupAsync(FleetScenario fleet) =>
        (await fleet.Admin.GetAsync("/api/v1/applications/web/deployment-groups/prod")).Body!["deploymentGroupInfo"]!;
}
