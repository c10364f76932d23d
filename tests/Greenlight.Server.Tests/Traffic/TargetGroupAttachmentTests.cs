using Greenlight.Testing;

namespace Greenlight.Server.Tests.Traffic;

/// <summary>Scaling groups attached to target groups (targetGroupNames) with the real local fleet: InService instances become targets at their own address, scale-in removes them.</summary>
public sealed class TargetGroupAttachmentTests
{
    [Fact]
    public async Task CreateScalingGroup_UnknownTargetGroup_Is400NamingItAndDeletingAnAttachedGroupIs409()
    {
        await using var server = await TestServer.StartAsync();
        await server.Admin.PostAsync("/api/v1/launch-templates", new { launchTemplateName = "web" });
        await TrafficSetup.CreateGroupAsync(server.Admin, "tg", 8081);

        var (unknown, body) = await server.Admin.PostAsync("/api/v1/auto-scaling-groups", new
        {
            autoScalingGroupName = "asg", launchTemplate = new { launchTemplateName = "web" }, minSize = 0, maxSize = 1, targetGroupNames = new[] { "tg", "nope" },
        });
        var (created, _) = await server.Admin.PostAsync("/api/v1/auto-scaling-groups", new
        {
            autoScalingGroupName = "asg", launchTemplate = new { launchTemplateName = "web" }, minSize = 0, maxSize = 1, targetGroupNames = new[] { "tg" },
        });
        var (_, group) = await server.Admin.GetAsync("/api/v1/auto-scaling-groups/asg");
        var (inUse, inUseBody) = await server.Admin.DeleteAsync("/api/v1/target-groups/tg");
        var (badUpdate, _) = await server.Admin.PutAsync("/api/v1/auto-scaling-groups/asg", new { targetGroupNames = new[] { "nope" } });
        var (detached, _) = await server.Admin.PutAsync("/api/v1/auto-scaling-groups/asg", new { targetGroupNames = Array.Empty<string>() });
        var (deleted, _) = await server.Admin.DeleteAsync("/api/v1/target-groups/tg");

        Assert.Equal(400, unknown);
        Assert.Contains("targetGroupNames[1] 'nope' does not exist", body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(201, created);
        Assert.Equal(["tg"], group!["autoScalingGroup"]!["targetGroupNames"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(409, inUse);
        Assert.Contains("auto scaling group 'asg'", inUseBody!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(400, badUpdate);
        Assert.Equal(200, detached);
        Assert.Equal(204, deleted);
    }

    [Fact]
    public async Task AttachedScalingGroup_InServiceInstanceIsRegisteredAtItsAddressAndScaleInRemovesIt()
    {
        using var dir = new TempDirectory("gl-attach");
        await using var running = await RunningServer.StartAsync(dir.Path, Fleet.Local.LocalFleet.AgentCommand);
        using var admin = new ApiClient(running.Host.Url, running.Host.NewAdminToken);
        await admin.PostAsync("/api/v1/launch-templates", new { launchTemplateName = "web" });
        await TrafficSetup.CreateGroupAsync(admin, "tg", 8081);
        await TrafficSetup.CreateGroupAsync(admin, "other", 8082);
        Assert.Equal(200, (await admin.PutAsync("/api/v1/instances/i-manual", new { tags = Array.Empty<object>() })).Status);
        await TrafficSetup.RegisterAsync(admin, "tg", ("i-manual", 9000));
        try
        {
            var (created, body) = await admin.PostAsync("/api/v1/auto-scaling-groups", new
            {
                autoScalingGroupName = "asg", launchTemplate = new { launchTemplateName = "web" }, minSize = 0, maxSize = 1, desiredCapacity = 1, targetGroupNames = new[] { "tg" },
            });
            Assert.True(created == 201, body?.ToJsonString());

            var inService = await Eventually.Until(async () => (await admin.GetAsync("/api/v1/auto-scaling-groups/asg/instances")).Body!["instances"]!.AsArray(),
                i => i.Any(x => x!["lifecycleState"]!.GetValue<string>() == "InService"), TimeSpan.FromSeconds(60),
                "an instance in service; activities: " + (await admin.GetAsync("/api/v1/auto-scaling-groups/asg/activities")).Body?.ToJsonString());
            var instance = inService.First(x => x!["lifecycleState"]!.GetValue<string>() == "InService")!;
            var id = instance["instanceId"]!.GetValue<string>();
            var registered = await TrafficSetup.UntilAsync(admin, "tg", t => TrafficSetup.StateOf(t, id) is not null, "the instance registered");
            await admin.PostAsync("/api/v1/auto-scaling-groups/asg/desired-capacity", new { desiredCapacity = 0 });
            var removed = await TrafficSetup.UntilAsync(admin, "tg", t => TrafficSetup.StateOf(t, id) is null, "the instance deregistered");

            var target = registered.First(t => t!["instanceId"]!.GetValue<string>() == id)!;
            Assert.Equal(instance["address"]!.GetValue<string>(), target["address"]!.GetValue<string>());
            Assert.Equal(8081, target["port"]!.GetValue<int>());
            Assert.Empty(await TrafficSetup.TargetsAsync(admin, "other"));
            Assert.Equal(["i-manual"], removed.Select(t => t!["instanceId"]!.GetValue<string>()));
        }
        finally
        {
            await admin.PostAsync("/api/v1/auto-scaling-groups/asg/desired-capacity", new { desiredCapacity = 0 });
            await Eventually.Until(async () => (await admin.GetAsync("/api/v1/auto-scaling-groups/asg/instances")).Body?["instances"]?.AsArray(),
                i => i is null || i.All(x => x!["lifecycleState"]!.GetValue<string>() == "Terminated"), TimeSpan.FromSeconds(60), "every instance terminated");
        }
    }
}
