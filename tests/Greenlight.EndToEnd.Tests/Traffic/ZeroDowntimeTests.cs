using Xunit.Abstractions;
using Greenlight.EndToEnd.Tests.Fleet;
using Greenlight.Testing;
using Greenlight.Testing.Load;

namespace Greenlight.EndToEnd.Tests.Traffic;

/// <summary>
/// Oracle O1 (shared/reference/reliability.md) through the built-in load balancer: a constant stream of requests to the
/// listener while instances are drained, updated and put back (in place), or while traffic moves to a green fleet
/// (blue/green). Every request gets exactly one 2xx answer carrying its own id; after a weight change no new request
/// reaches the colour that lost it; slow requests that started on a draining target finish there. Real server, real
/// agents on their own 127.0.x.y, the real sample application.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ZeroDowntimeTests(ITestOutputHelper output)
{
    private const string V1 = "1.0.0";
    private const string V2 = "2.0.0";

    /// <summary>How long after the API shows a new weight the load balancer may still route by the old one (the poll's lag plus the dispatch).</summary>
    private static readonly TimeSpan Propagation = TimeSpan.FromMilliseconds(500);

    private static readonly object TrafficControl = new
    {
        deploymentStyle = new { deploymentType = "IN_PLACE", deploymentOption = "WITH_TRAFFIC_CONTROL" },
        loadBalancerInfo = new { targetGroupInfoList = new[] { new { name = TrafficSetup.TargetGroup } } },
    };

    [Fact]
    public async Task InPlaceWithTrafficControl_HalfAtATimeUnderLoad_NoRequestFailsAndSlowRequestsFinish()
    {
        await using var fleet = await FleetScenario.StartAsync();
        var front = await StartFrontAsync(fleet, 4, "CodeDeployDefault.HalfAtATime");
        var v2 = await fleet.UploadAsync(SampleApp.Bundle("v2"));

        await using var load = LoadGenerator.Start(front, workers: 4, requestsPerSecond: 80);
        await load.WaitForCountAsync(40, FleetScenario.Timeout);
        var id = await fleet.DeployAsync(v2);
        load.SendSlow(3000, 4);
        var end = await fleet.WaitForEndAsync(id);
        var endedAt = load.Now;
        await load.WaitForCountAsync(load.Count + 40, FleetScenario.Timeout);
        var report = await load.StopAsync();
        output.WriteLine(report.Describe());

        Assert.True(end["status"]!.GetValue<string>() == "Succeeded", end.ToJsonString());
        Assert.True(report.Failed == 0, report.Describe());
        Assert.Contains(V1, report.ByVersion.Keys);
        Assert.All(report.Samples.Where(s => s.Path.StartsWith("/slow", StringComparison.Ordinal)), s => Assert.True(s.Succeeded && s.Version == V1, s.ToString()));
        Assert.Empty(report.SentAfterAnsweredBy(endedAt, V1));
        await TrafficSetup.WaitForHealthyAsync(fleet, 4);
    }

    [Fact]
    public async Task BlueGreen_CanaryUnderLoad_TenPercentThenAllOnGreenAndBlueRetired()
    {
        await using var fleet = await FleetScenario.StartAsync();
        var front = await StartFrontAsync(fleet, 2, "CodeDeployDefault.AllAtOnce");
        var blue = (await fleet.InstancesAsync()).Where(i => i.State == "InService").Select(i => i.InstanceId).ToList();
        await SwitchToBlueGreenAsync(fleet, new { action = "TERMINATE", terminationWaitTimeInMinutes = 0 }, new { actionOnTimeout = "CONTINUE_DEPLOYMENT" });
        var v2 = await fleet.UploadAsync(SampleApp.Bundle("v2"));

        await using var load = LoadGenerator.Start(front, workers: 4, requestsPerSecond: 100);
        await load.WaitForCountAsync(40, FleetScenario.Timeout);
        var id = await fleet.DeployAsync(v2, extras: new { trafficRouting = "canary:10:8s" });
        await using var timeline = new WeightTimeline(() => TrafficSetup.GreenWeightAsync(fleet, id), load);
        await Eventually.Until(() => Task.FromResult(timeline.FirstAt(10)), t => t is not null, FleetScenario.Timeout, "the 10 % canary step");
        load.SendSlow(3000, 6);
        var end = await fleet.WaitForEndAsync(id);
        await load.WaitForCountAsync(load.Count + 40, FleetScenario.Timeout);
        var report = await load.StopAsync();
        output.WriteLine(report.Describe());

        Assert.True(end["status"]!.GetValue<string>() == "Succeeded", end.ToJsonString() + "\n" + fleet.Server.Output[^Math.Min(4000, fleet.Server.Output.Length)..]);
        Assert.True(report.Failed == 0, report.Describe());
        output.WriteLine("weights seen: " + string.Join(", ", timeline.Changes.Select(c => $"{c.GreenWeight}% at {c.At.TotalSeconds:0.00}s")));
        var canaryAt = timeline.FirstAt(10)!.Value;
        var allAt = timeline.FirstAt(100) ?? throw new InvalidOperationException($"never saw 100 % green: {string.Join(", ", timeline.Changes)}");
        var canary = report.Samples.Where(s => s.SentAt >= canaryAt + Propagation && s.SentAt < allAt && s.Path == "/").ToList();
        var share = canary.Count(s => s.Version == V2) / (double)canary.Count;
        output.WriteLine($"canary step: {canary.Count} requests, {share:P1} on green");
        Assert.True(canary.Count >= 100 && share is > 0.02 and < 0.25, $"canary step: {canary.Count} requests, {share:P1} on green");
        Assert.DoesNotContain(report.Samples, s => s.SentAt < canaryAt - TimeSpan.FromSeconds(1) && s.Version == V2);
        Assert.Empty(report.SentAfterAnsweredBy(allAt + Propagation, V1));
        Assert.All(report.Samples.Where(s => s.Path.StartsWith("/slow", StringComparison.Ordinal)), s => Assert.True(s.Succeeded, s.ToString()));

        var group = await TrafficSetup.GroupAsync(fleet);
        var green = group["autoScalingGroups"]!.AsArray().Select(g => g!.GetValue<string>()).Single();
        Assert.NotEqual("asg-web", green);
        var greenInstances = (await fleet.InstancesAsync(green)).Where(i => i.State == "InService").ToList();
        Assert.Equal(2, greenInstances.Count);
        foreach (var instance in greenInstances)
        {
            Assert.Equal(V2, await FleetScenario.ServedVersionAsync(instance.Address));
        }

        var targets = await Eventually.Until(() => TrafficSetup.TargetsAsync(fleet), t => t.Keys.All(k => !blue.Contains(k)), FleetScenario.Timeout, "blue out of the target group");
        Assert.Equal(greenInstances.Select(i => i.InstanceId).Order(StringComparer.Ordinal), targets.Keys.Order(StringComparer.Ordinal));
        Assert.All(targets.Values, t => Assert.Equal("blue", t.Pool));
        await Eventually.Until(async () => (await fleet.Admin.GetAsync("/api/v1/auto-scaling-groups/asg-web")).Status, s => s == 404, FleetScenario.Timeout, "blue scaling group deleted");
    }

    [Fact]
    public async Task BlueGreen_AllAtOnceWithReadyWaitAndKeepAlive_ContinueShiftsAndBlueKeepsRunning()
    {
        await using var fleet = await FleetScenario.StartAsync();
        var front = await StartFrontAsync(fleet, 2, "CodeDeployDefault.AllAtOnce");
        var blue = (await fleet.InstancesAsync()).Where(i => i.State == "InService").ToList();
        await SwitchToBlueGreenAsync(fleet, new { action = "KEEP_ALIVE" }, new { actionOnTimeout = "STOP_DEPLOYMENT", waitTimeInMinutes = 10 });
        var v2 = await fleet.UploadAsync(SampleApp.Bundle("v2"));

        await using var load = LoadGenerator.Start(front, workers: 4, requestsPerSecond: 80);
        await load.WaitForCountAsync(40, FleetScenario.Timeout);
        var id = await fleet.DeployAsync(v2, extras: new { trafficRouting = "all" });
        await Eventually.Until(() => TrafficSetup.StatusAsync(fleet, id), s => s is "Ready" or "Failed" or "Stopped", FleetScenario.Timeout, "green installed and waiting");
        Assert.Equal("Ready", await TrafficSetup.StatusAsync(fleet, id));
        Assert.DoesNotContain(V2, (await CountSoFar(load)).ByVersion.Keys);

        await FleetScenario.Expect(200, fleet.Admin.PostAsync($"/api/v1/deployments/{id}/continue", new { deploymentWaitType = "READY_WAIT" }));
        var end = await fleet.WaitForEndAsync(id);
        var endedAt = load.Now;
        await load.WaitForCountAsync(load.Count + 40, FleetScenario.Timeout);
        var report = await load.StopAsync();
        output.WriteLine(report.Describe());

        Assert.True(end["status"]!.GetValue<string>() == "Succeeded", end.ToJsonString());
        Assert.True(report.Failed == 0, report.Describe());
        Assert.Empty(report.SentAfterAnsweredBy(endedAt, V1));
        foreach (var instance in blue)
        {
            Assert.Equal(V1, await FleetScenario.ServedVersionAsync(instance.Address));
        }

        var group = await TrafficSetup.GroupAsync(fleet);
        Assert.DoesNotContain("asg-web", group["autoScalingGroups"]!.AsArray().Select(g => g!.GetValue<string>()));
        var targets = await TrafficSetup.TargetsAsync(fleet);
        Assert.DoesNotContain(targets.Keys, blue.Select(b => b.InstanceId).Contains);
    }

    /// <summary>
    /// Target group, load balancer, a scaling group of <paramref name="capacity"/> attached to the target group, an in-place
    /// group with traffic control; deploys v1 and waits until every instance is a healthy target.
    /// </summary>
    private static async Task<Uri> StartFrontAsync(FleetScenario fleet, int capacity, string config)
    {
        await TrafficSetup.CreateTargetGroupAsync(fleet);
        var front = await TrafficSetup.CreateLoadBalancerAsync(fleet);
        await fleet.CreateFleetAsync(capacity, config, TrafficControl, scalingExtras: new { targetGroupNames = new[] { TrafficSetup.TargetGroup } });
        var v1 = await fleet.UploadAsync(SampleApp.Bundle("v1"));
        var first = await fleet.WaitForEndAsync(await fleet.DeployAsync(v1));
        Assert.True(first["status"]!.GetValue<string>() == "Succeeded", first.ToJsonString());
        await TrafficSetup.WaitForHealthyAsync(fleet, capacity);
        return front;
    }

    private static async Task SwitchToBlueGreenAsync(FleetScenario fleet, object termination, object ready) =>
        await FleetScenario.Expect(200, fleet.Admin.PutAsync("/api/v1/applications/web/deployment-groups/prod", new
        {
            deploymentStyle = new { deploymentType = "BLUE_GREEN", deploymentOption = "WITH_TRAFFIC_CONTROL" },
            blueGreenDeploymentConfiguration = new
            {
                terminateBlueInstancesOnDeploymentSuccess = termination,
                deploymentReadyOption = ready,
                greenFleetProvisioningOption = new { action = "COPY_AUTO_SCALING_GROUP" },
            },
        }));

    /// <summary>What the generator saw so far, without stopping it.</summary>
    private static Task<LoadReport> CountSoFar(LoadGenerator load) => Task.FromResult(load.Snapshot());
}
