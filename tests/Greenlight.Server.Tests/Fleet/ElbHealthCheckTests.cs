using System.Text.Json.Nodes;
using Greenlight.Server.Tests.Fleet.Local;
using Greenlight.Server.Tests.Traffic;
using Greenlight.Testing;

namespace Greenlight.Server.Tests.Fleet;

/// <summary>
/// Health check type ELB with real agents and the built-in load balancer: two groups attached to a target group whose
/// port nothing listens on at the instances, so every target fails its health check. The ELB group replaces its
/// instance, naming the load balancer; the AGENT group keeps its own.
/// </summary>
public sealed class ElbHealthCheckTests
{
    [Fact]
    public async Task Reconcile_TargetUnhealthy_ReplacesOnlyWithElbHealthChecks()
    {
        await using var fleet = new ServerWithAgents(await TestServer.StartAsync(agentCommand: LocalFleet.AgentCommand));
        var admin = fleet.Server.Admin;
        await admin.PostAsync("/api/v1/launch-templates", new { launchTemplateName = "web" });
        await TrafficSetup.CreateGroupAsync(admin, "tg", 8089);
        await TrafficSetup.CreateBalancerAsync(admin, "front", "tg");
        await CreateGroupAsync(admin, "asg-agent", "AGENT");
        var kept = (await fleet.InServiceAsync("asg-agent", 1))[0];
        await TrafficSetup.UntilAsync(admin, "tg", t => TrafficSetup.StateOf(t, kept) == "unhealthy", "the AGENT group's instance unhealthy in tg");
        var unhealthySince = DateTimeOffset.UtcNow;

        await CreateGroupAsync(admin, "asg-elb", "ELB");
        var replaced = await Eventually.Until(() => ActivitiesAsync(admin, "asg-elb"),
            a => a.Any(x => x!["cause"]!.GetValue<string>().Contains("the load balancer reports it unhealthy in target group tg", StringComparison.Ordinal)
                && x["startTime"]!.GetValue<DateTimeOffset>() > unhealthySince),
            TimeSpan.FromSeconds(60), "the ELB group replacing its instance for the load balancer");
        var replacedAt = replaced.Where(IsLoadBalancerCause).Max(x => x!["startTime"]!.GetValue<DateTimeOffset>());

        // A later pass (the replacement's own activities) means every group was reconciled after the target failed.
        await Eventually.Until(() => ActivitiesAsync(admin, "asg-elb"), a => a.Any(x => x!["startTime"]!.GetValue<DateTimeOffset>() > replacedAt),
            TimeSpan.FromSeconds(60), "a later pass over the ELB group");
        var elbInstances = await fleet.InstancesAsync("asg-elb");
        var agentInstances = await fleet.InstancesAsync("asg-agent");
        var agentActivities = await ActivitiesAsync(admin, "asg-agent");

        var terminating = replaced.First(IsLoadBalancerCause)!;
        Assert.StartsWith("Terminating instance i-", terminating["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("unhealthy: the load balancer reports it unhealthy in target group tg", terminating["cause"]!.GetValue<string>());
        Assert.Contains(replaced, x => x!["cause"]!.GetValue<string>().StartsWith("replacing unhealthy instance i-", StringComparison.Ordinal));
        Assert.True(elbInstances.Count >= 2, string.Join(", ", elbInstances));

        Assert.Equal([(kept, "InService")], agentInstances);
        Assert.DoesNotContain(agentActivities, IsLoadBalancerCause);
    }

    private static bool IsLoadBalancerCause(JsonNode? activity) =>
        activity!["cause"]!.GetValue<string>().Contains("the load balancer reports it unhealthy", StringComparison.Ordinal);

    private static async Task CreateGroupAsync(ApiClient admin, string name, string healthCheckType)
    {
        var (status, body) = await admin.PostAsync("/api/v1/auto-scaling-groups", new
        {
            autoScalingGroupName = name, launchTemplate = new { launchTemplateName = "web" }, minSize = 0, maxSize = 1, desiredCapacity = 1,
            healthCheckType, healthCheckGracePeriod = 0, targetGroupNames = new[] { "tg" },
        });
        Assert.True(status == 201, body?.ToJsonString());
    }

    private static async Task<JsonArray> ActivitiesAsync(ApiClient admin, string group) =>
        (await admin.GetAsync($"/api/v1/auto-scaling-groups/{group}/activities")).Body!["activities"]!.AsArray();
}
