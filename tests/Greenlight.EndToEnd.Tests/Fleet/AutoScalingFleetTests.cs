using System.Diagnostics;
using Greenlight.Testing;

namespace Greenlight.EndToEnd.Tests.Fleet;

/// <summary>
/// The auto scaling integration with real processes: new instances get the last successful revision before they
/// are InService, scale-out during a deployment is caught up by a follow-up deployment, lost instances are replaced,
/// a silent agent is declared lost after the heartbeat timeout, and scale-in runs termination deployments.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class AutoScalingFleetTests
{
    [Fact]
    public async Task ScaleOut_WhileIdle_NewInstancesServeTheLastSuccessfulRevisionWhenInService()
    {
        await using var fleet = await FleetScenario.StartAsync();
        var first = await fleet.CreateFleetAsync(4);
        var v1 = await fleet.UploadAsync(SampleApp.Bundle("v1"));
        Assert.Equal("Succeeded", (await fleet.WaitForEndAsync(await fleet.DeployAsync(v1, "CodeDeployDefault.AllAtOnce")))["status"]!.GetValue<string>());

        await fleet.ScaleAsync(6);
        var all = await fleet.WaitForInServiceAsync(6);
        var added = all.Where(i => first.All(f => f.InstanceId != i.InstanceId)).ToList();

        Assert.Equal(2, added.Count);
        var launches = (await fleet.DeploymentsAsync()).Where(d => d.Creator == "autoscaling").ToList();
        foreach (var instance in added)
        {
            Assert.Equal("1.0.0", await FleetScenario.ServedVersionAsync(instance.Address));
            Assert.Contains(launches, d => d.Status == "Succeeded" && d.Targets.SequenceEqual([instance.InstanceId]));
        }
    }

    [Theory]
    [InlineData("UPDATE")]
    [InlineData("IGNORE")]
    public async Task ScaleOut_DuringADeployment_TheFollowUpDeploymentUpdatesTheNewInstanceUnlessIgnored(string strategy)
    {
        await using var fleet = await FleetScenario.StartAsync();
        var before = await fleet.CreateFleetAsync(3, groupExtras: new { outdatedInstancesStrategy = strategy });
        var v1 = await fleet.UploadAsync(SampleApp.Bundle("v1"));
        var v2 = await fleet.UploadAsync(SampleApp.Bundle("v2"));
        Assert.Equal("Succeeded", (await fleet.WaitForEndAsync(await fleet.DeployAsync(v1, "CodeDeployDefault.AllAtOnce")))["status"]!.GetValue<string>());

        var id = await fleet.DeployAsync(v2, "CodeDeployDefault.OneAtATime");
        await fleet.ScaleAsync(4);
        Assert.Equal("Succeeded", (await fleet.WaitForEndAsync(id))["status"]!.GetValue<string>());
        var all = await fleet.WaitForInServiceAsync(4);
        var listed = await fleet.InstancesAsync();
        Assert.True(all.Count(i => before.All(b => b.InstanceId != i.InstanceId)) == 1, string.Join("\n", listed));
        var added = all.Single(i => before.All(b => b.InstanceId != i.InstanceId));

        if (strategy == "UPDATE")
        {
            var followUp = await Eventually.Until(async () => (await fleet.DeploymentsAsync()).FirstOrDefault(d => d.Creator == "CodeDeployAutoUpdate"),
                d => d.Id is not null, FleetScenario.Timeout, "the follow-up deployment is created");
            Assert.Equal("Succeeded", (await fleet.WaitForEndAsync(followUp.Id))["status"]!.GetValue<string>());
            Assert.Equal([added.InstanceId], followUp.Targets);
        }
        else
        {
            Assert.DoesNotContain(await fleet.DeploymentsAsync(), d => d.Creator == "CodeDeployAutoUpdate");

            // The last successful revision is v2, even though the launch deployment of v1 ended after v2's deployment.
            await fleet.ScaleAsync(5);
            var latest = (await fleet.WaitForInServiceAsync(5)).Single(i => all.All(a => a.InstanceId != i.InstanceId));
            Assert.Equal("2.0.0", await FleetScenario.ServedVersionAsync(latest.Address));
        }

        Assert.Equal(strategy == "UPDATE" ? "2.0.0" : "1.0.0", await FleetScenario.ServedVersionAsync(added.Address));
        foreach (var instance in before)
        {
            Assert.Equal("2.0.0", await FleetScenario.ServedVersionAsync(instance.Address));
        }
    }

    [Fact]
    public async Task KilledAgent_TheGroupReplacesTheInstanceAndTheReplacementServesTheRightVersion()
    {
        await using var fleet = await FleetScenario.StartAsync();
        var instances = await fleet.CreateFleetAsync(2);
        var v1 = await fleet.UploadAsync(SampleApp.Bundle("v1"));
        Assert.Equal("Succeeded", (await fleet.WaitForEndAsync(await fleet.DeployAsync(v1, "CodeDeployDefault.AllAtOnce")))["status"]!.GetValue<string>());
        var victim = instances[0];

        Process.GetProcessById(FleetScenario.AgentPid(victim.InstanceId)).Kill();
        var replaced = await Eventually.Until(fleet.InstancesAsync,
            all => all.Any(i => i.InstanceId == victim.InstanceId && i.State == "Terminated") && all.Count(i => i.State == "InService") == 2,
            FleetScenario.Timeout, "the lost instance is replaced");

        var replacement = replaced.Single(i => i.State == "InService" && i.InstanceId != instances[1].InstanceId);
        Assert.Contains("unhealthy", replaced.Single(i => i.InstanceId == victim.InstanceId).Reason ?? "", StringComparison.Ordinal);
        Assert.Equal("1.0.0", await FleetScenario.ServedVersionAsync(replacement.Address));
        Assert.Null(await FleetScenario.ServedVersionAsync(victim.Address)); // its application was stopped with it
    }

    [Fact]
    public async Task StoppedAgent_MidDeployment_IsLostAfterTheHeartbeatTimeoutAndTheDeploymentEnds()
    {
        await using var fleet = await FleetScenario.StartAsync(heartbeatTimeout: "3s");
        var instances = (await fleet.CreateFleetAsync(3)).OrderBy(i => i.InstanceId, StringComparer.Ordinal).ToList();
        var v1 = await fleet.UploadAsync(SampleApp.Bundle("v1"));
        var victim = instances[0];
        var pid = FleetScenario.AgentPid(victim.InstanceId);

        var id = await fleet.DeployAsync(v1, "CodeDeployDefault.AllAtOnce");
        await Eventually.Until(async () => (await fleet.Admin.GetAsync($"/api/v1/deployments/{id}/targets/{victim.InstanceId}")).Body!["deploymentTarget"]!["instanceTarget"]!["status"]!.GetValue<string>(),
            s => s == "InProgress", FleetScenario.Timeout, "the victim's install starts");
        Process.Start("kill", ["-STOP", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        var started = Stopwatch.StartNew();
        var end = await fleet.WaitForEndAsync(id);
        started.Stop();

        var target = (await fleet.Admin.GetAsync($"/api/v1/deployments/{id}/targets/{victim.InstanceId}")).Body!["deploymentTarget"]!["instanceTarget"]!;
        Assert.Equal("Succeeded", end["status"]!.GetValue<string>()); // AllAtOnce: the other two succeeded
        Assert.Equal("Failed", target["status"]!.GetValue<string>());
        Assert.Contains(target["lifecycleEvents"]!.AsArray(), e => e!["diagnostics"]?["errorCode"]?.GetValue<string>() == "InstanceLost");
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(60), $"the verdict took {started.Elapsed}, not the event timeout");
        await Eventually.Until(fleet.InstancesAsync, all => all.Any(i => i.InstanceId == victim.InstanceId && i.State == "Terminated"),
            FleetScenario.Timeout, "the silent instance is replaced");
    }

    [Fact]
    public async Task ScaleIn_WithTerminationHooks_RunsATerminationDeploymentAndNeverBlocks()
    {
        await using var fleet = await FleetScenario.StartAsync();
        var instances = await fleet.CreateFleetAsync(3, groupExtras: new { terminationHookEnabled = true });
        var v1 = await fleet.UploadAsync(SampleApp.Bundle("v1"));
        Assert.Equal("Succeeded", (await fleet.WaitForEndAsync(await fleet.DeployAsync(v1, "CodeDeployDefault.AllAtOnce")))["status"]!.GetValue<string>());

        await fleet.ScaleAsync(2);
        var after = await Eventually.Until(fleet.InstancesAsync, all => all.Count(i => i.State == "Terminated") == 1 && all.Count(i => i.State == "InService") == 2,
            FleetScenario.Timeout, "one instance is scaled in");

        var gone = after.Single(i => i.State == "Terminated");
        var termination = (await fleet.DeploymentsAsync()).Single(d => d.Creator == "autoscalingTermination");
        Assert.Equal([gone.InstanceId], termination.Targets);
        Assert.Equal("Succeeded", termination.Status);
        Assert.Null(await FleetScenario.ServedVersionAsync(gone.Address)); // ApplicationStop ran, then the instance went
    }

    [Fact]
    public async Task ScaleIn_DuringADeployment_TheDeploymentStillReachesAVerdict()
    {
        await using var fleet = await FleetScenario.StartAsync();
        await fleet.CreateFleetAsync(4);
        var v1 = await fleet.UploadAsync(SampleApp.Bundle("v1"));

        var id = await fleet.DeployAsync(v1, "CodeDeployDefault.OneAtATime");
        await fleet.ScaleAsync(2);
        var end = await fleet.WaitForEndAsync(id);

        Assert.Contains(end["status"]!.GetValue<string>(), new[] { "Succeeded", "Failed" });
        await fleet.WaitForInServiceAsync(2);
    }

    [Fact]
    public async Task FailingLaunch_IsRetriedWithBackoffAndTheActivitySaysWhy()
    {
        await using var fleet = await FleetScenario.StartAsync();
        await fleet.Admin.PostAsync("/api/v1/launch-templates", new { launchTemplateName = "bad", launchTemplateData = new { bootstrapScript = "echo cannot set up >&2; exit 3" } });
        await fleet.Admin.PostAsync("/api/v1/auto-scaling-groups", new { autoScalingGroupName = "asg-bad", launchTemplate = new { launchTemplateName = "bad" }, minSize = 1, maxSize = 1 });

        var activities = await Eventually.Until(async () => (await fleet.Admin.GetAsync("/api/v1/auto-scaling-groups/asg-bad/activities")).Body!["activities"]!.AsArray(),
            a => a.Count(x => x!["description"]!.GetValue<string>().StartsWith("Launching a new instance", StringComparison.Ordinal)) >= 3, FleetScenario.Timeout, "three launch attempts");

        var causes = activities.Select(a => a!["cause"]!.GetValue<string>()).ToList();
        Assert.True(causes.Count > 0, string.Join("\n", activities.Select(a => a!.ToJsonString())));
        Assert.Contains(causes, c => c.Contains("exit", StringComparison.OrdinalIgnoreCase) && c.Contains('3'));
        Assert.Contains(causes, c => c.Contains("next launch in", StringComparison.Ordinal));
        var (_, group) = await fleet.Admin.GetAsync("/api/v1/auto-scaling-groups/asg-bad/instances");
        Assert.DoesNotContain(group!["instances"]!.AsArray(), i => i!["lifecycleState"]!.GetValue<string>() == "InService");
    }

    [Fact]
    public async Task LaunchHook_AbandonedByAUser_TerminatesTheInstanceAndTheGroupLaunchesAnother()
    {
        await using var fleet = await FleetScenario.StartAsync();
        await fleet.Admin.PostAsync("/api/v1/launch-templates", new { launchTemplateName = "web" });
        await fleet.Admin.PostAsync("/api/v1/auto-scaling-groups", new
        {
            autoScalingGroupName = "asg-web", launchTemplate = new { launchTemplateName = "web" }, minSize = 1, maxSize = 1,
            lifecycleHookSpecificationList = new[] { new { lifecycleHookName = "approve", lifecycleTransition = "autoscaling:EC2_INSTANCE_LAUNCHING", heartbeatTimeout = 600 } },
        });
        var first = (await Eventually.Until(fleet.InstancesAsync, all => all.Any(i => i.State == "Pending:Wait"), FleetScenario.Timeout, "an instance waits on the hook"))
            .Single(i => i.State == "Pending:Wait");

        var (abandoned, _) = await fleet.Admin.PostAsync("/api/v1/auto-scaling-groups/asg-web/lifecycle-hooks/approve/complete",
            new { instanceId = first.InstanceId, lifecycleActionResult = "ABANDON" });
        var second = (await Eventually.Until(fleet.InstancesAsync, all => all.Any(i => i.InstanceId != first.InstanceId && i.State == "Pending:Wait"),
            FleetScenario.Timeout, "a replacement waits on the hook")).Single(i => i.InstanceId != first.InstanceId && i.State == "Pending:Wait");
        var (continued, _) = await fleet.Admin.PostAsync("/api/v1/auto-scaling-groups/asg-web/lifecycle-hooks/approve/complete",
            new { instanceId = second.InstanceId, lifecycleActionResult = "CONTINUE" });
        var final = await Eventually.Until(fleet.InstancesAsync, all => all.Any(i => i.InstanceId == second.InstanceId && i.State == "InService"),
            FleetScenario.Timeout, "the replacement is InService");

        Assert.Equal(200, abandoned);
        Assert.Equal(200, continued);
        var gone = final.Single(i => i.InstanceId == first.InstanceId);
        Assert.Equal("Terminated", gone.State);
        Assert.Contains("approve", gone.Reason ?? "", StringComparison.Ordinal);
    }
}
