using System.Collections.Immutable;
using System.Diagnostics;
using Greenlight.Core.Fleet;
using Greenlight.Engine.Running;
using Greenlight.Engine.Storage;
using Greenlight.Server.Fleet;
using Greenlight.Server.Tests.Api;
using Greenlight.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Server.Tests.Fleet;

/// <summary>Review findings on the fleet controller: each test states what must hold, and fails on main.</summary>
public sealed class FleetReviewTests
{
    /// <summary>
    /// The state a crash leaves between the provider starting an agent and the placement update recording it
    /// (Launched null), or a failed record write after a successful launch. Terminating that instance must still stop
    /// what runs under its marker and remove its sandbox.
    /// </summary>
    [Fact]
    public async Task CleanUp_InstanceWhoseLaunchWasNeverRecorded_StopsItsMarkedProcessesAndRemovesItsSandbox()
    {
        await using var server = await TestServer.StartAsync();
        await CreateGroupAsync(server, desired: 0);
        const string id = "i-0aaaaaaaaaaaaaaa1";
        var sandbox = Path.Combine(server.DataDirectory, "instances", id);
        Directory.CreateDirectory(Path.Combine(sandbox, "root"));
        using var agent = StartMarked(id);
        try
        {
            await SeedAsync(server, id, LifecycleState.Pending, desired: 0);

            await Eventually.Until(async () => (await AutoScalingGroupStore.GetAsync(server.Store, "asg-web", CancellationToken.None))!.Value.Document.PlacementOf(id),
                p => p is null or { CleanedUp: true }, TimeSpan.FromSeconds(20), "the instance cleaned up");

            Assert.Empty(MarkedProcesses.Find(id));
            Assert.False(Directory.Exists(sandbox), "the sandbox of a terminated instance is removed");
        }
        finally
        {
            MarkedProcesses.KillAll("GREENLIGHT_LOCAL_INSTANCE", id);
        }
    }

    /// <summary>A launch whose bootstrap fails leaves a sandbox (with the agent credential file) that nothing ever removes.</summary>
    [Fact]
    public async Task CleanUp_AfterAFailedBootstrap_RemovesTheSandbox()
    {
        await using var server = await TestServer.StartAsync();
        await server.Admin.PostAsync("/api/v1/launch-templates", new { launchTemplateName = "web", launchTemplateData = new { bootstrapScript = "exit 3" } });
        Assert.Equal(201, (await server.Admin.PostAsync("/api/v1/auto-scaling-groups", new
        {
            autoScalingGroupName = "asg-web", launchTemplate = new { launchTemplateName = "web" }, minSize = 0, maxSize = 1, desiredCapacity = 1,
        })).Status);

        var cleaned = await Eventually.Until(
            async () => (await AutoScalingGroupStore.GetAsync(server.Store, "asg-web", CancellationToken.None))!.Value.Document.Placements.FirstOrDefault(p => p.CleanedUp),
            p => p is not null, TimeSpan.FromSeconds(30), "a failed launch cleaned up");
        await server.Admin.PostAsync("/api/v1/auto-scaling-groups/asg-web/desired-capacity", new { desiredCapacity = 0 });

        Assert.NotNull(cleaned!.LaunchError);
        var sandbox = Path.Combine(server.DataDirectory, "instances", cleaned.InstanceId);
        var left = Directory.Exists(sandbox) ? Directory.EnumerateFileSystemEntries(sandbox, "*", SearchOption.AllDirectories).ToList() : [];
        Assert.False(Directory.Exists(sandbox), $"sandbox of terminated instance {cleaned.InstanceId} left behind: {string.Join(", ", left)}");
    }

    /// <summary>
    /// A group whose template ($Latest) gains a version with the registered provider cannot launch: that must be one
    /// activity, not a rewrite of the group (and an audit row) with a burst of "Launching" notes on every tick.
    /// </summary>
    [Fact]
    public async Task Reconcile_LaunchImpossible_RecordsItOnceAndStopsRewritingTheGroup()
    {
        await using var server = await TestServer.StartAsync();
        await server.Admin.PostAsync("/api/v1/launch-templates", new { launchTemplateName = "web" });
        Assert.Equal(201, (await server.Admin.PostAsync("/api/v1/auto-scaling-groups", new
        {
            autoScalingGroupName = "asg-web", launchTemplate = new { launchTemplateName = "web", version = "$Latest" }, minSize = 0, maxSize = 2, desiredCapacity = 0,
        })).Status);
        Assert.Equal(201, (await server.Admin.PostAsync("/api/v1/launch-templates/web/versions", new { launchTemplateData = new { provider = "registered" } })).Status);

        Assert.Equal(200, (await server.Admin.PostAsync("/api/v1/auto-scaling-groups/asg-web/desired-capacity", new { desiredCapacity = 1 })).Status);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var before = (await server.Store.GetResourceAsync(ResourceKinds.AutoScalingGroup, "asg-web", CancellationToken.None))!.Version;
        await Task.Delay(TimeSpan.FromSeconds(2));
        var after = (await server.Store.GetResourceAsync(ResourceKinds.AutoScalingGroup, "asg-web", CancellationToken.None))!.Version;
        var activities = (await server.Admin.GetAsync("/api/v1/auto-scaling-groups/asg-web/activities")).Body!["activities"]!.AsArray();

        Assert.True(activities.Count <= 3, $"{activities.Count} activities: {string.Join(" | ", activities.Select(a => a!["description"]!.GetValue<string>()).Take(6))} ...");
        Assert.Equal(before, after);
    }

    /// <summary>CompleteLifecycleAction for a hook the group does not have must be refused, as EC2 does; it answers 200 and changes nothing.</summary>
    [Fact]
    public async Task CompleteHook_UnknownHookName_IsRefused()
    {
        await using var server = await TestServer.StartAsync();
        await CreateGroupAsync(server, desired: 0);
        await server.Admin.PutAsync("/api/v1/auto-scaling-groups/asg-web/lifecycle-hooks/warm",
            new { lifecycleTransition = "autoscaling:EC2_INSTANCE_LAUNCHING", heartbeatTimeout = 3600, defaultResult = "ABANDON" });
        const string id = "i-0aaaaaaaaaaaaaaa2";
        await SeedAsync(server, id, LifecycleState.PendingWait, desired: 1);

        var (status, _) = await server.Admin.PostAsync("/api/v1/auto-scaling-groups/asg-web/lifecycle-hooks/wram/complete", new { instanceId = id, lifecycleActionResult = "CONTINUE" });

        Assert.True(status is 400 or 404, $"status {status}");
    }

    /// <summary>
    /// docs/fleet.md: "If a deployment of the group is running when the instance is launched, that deployment records it
    /// as outdated". With no successful deployment yet, the launch hook is answered CONTINUE at once and the running
    /// deployment is never told: the new instance ends InService without the revision and no follow-up comes.
    /// </summary>
    [Fact]
    public async Task LaunchDuringTheFirstDeployment_TheRunningDeploymentRecordsTheInstanceOutdated()
    {
        await using var server = await TestServer.StartAsync();
        await CreateGroupAsync(server, desired: 0);
        await TestFleet.CreateAsync(server.Admin, 1, new { autoScalingGroups = new[] { "asg-web" }, deploymentConfigName = "CodeDeployDefault.AllAtOnce" });
        var v1 = await TestFleet.RevisionAsync(server.Admin, "v1");
        var deployment = (await TestFleet.DeployAsync(server.Admin, v1)).Body!["deploymentId"]!.GetValue<string>();
        await Eventually.Until(() => TestFleet.StatusAsync(server.Admin, deployment), s => s is "InProgress" or "Failed" or "Succeeded", TimeSpan.FromSeconds(20), "deployment in progress");
        Assert.Equal("InProgress", await TestFleet.StatusAsync(server.Admin, deployment));

        const string id = "i-0aaaaaaaaaaaaaaa3";
        await SeedAsync(server, id, LifecycleState.PendingWait, desired: 1);
        await Eventually.Until(async () => (await AutoScalingGroupStore.GetAsync(server.Store, "asg-web", CancellationToken.None))!.Value.Document.State.Instances.Single(i => i.InstanceId == id).State,
            s => s == LifecycleState.InService, TimeSpan.FromSeconds(20), "the new instance in service");
        var state = await server.Host.Services.GetRequiredService<DeploymentEngine>().LoadStateAsync(deployment, CancellationToken.None);

        Assert.Equal("InProgress", await TestFleet.StatusAsync(server.Admin, deployment));
        Assert.Contains(id, state!.OutdatedInstances);
    }

    /// <summary>
    /// A bootstrap script runs as the server's user and could read DATA/admin.token: an operator may not set one (403,
    /// nothing stored); an admin may.
    /// </summary>
    [Fact]
    public async Task CreateTemplate_WithABootstrapScriptByAnOperator_IsForbiddenAndStoresNothing()
    {
        await using var server = await TestServer.StartAsync();
        using var operatorClient = server.Client(await server.TokenAsync("operator"));

        var (created, _) = await operatorClient.PostAsync("/api/v1/launch-templates",
            new { launchTemplateName = "web", launchTemplateData = new { bootstrapScript = "cat ../../../admin.token" } });
        var (plain, _) = await operatorClient.PostAsync("/api/v1/launch-templates", new { launchTemplateName = "plain" });
        var (version, _) = await operatorClient.PostAsync("/api/v1/launch-templates/plain/versions", new { launchTemplateData = new { bootstrapScript = "true" } });
        var (byAdmin, _) = await server.Admin.PostAsync("/api/v1/launch-templates", new { launchTemplateName = "admins", launchTemplateData = new { bootstrapScript = "true" } });

        Assert.Equal(403, created);
        Assert.Equal(404, (await server.Admin.GetAsync("/api/v1/launch-templates/web")).Status);
        Assert.Equal(201, plain);
        Assert.Equal(403, version);
        Assert.Equal(201, byAdmin);
    }

    /// <summary>"." and ".." pass the name rule but no URL can name them (dot segments are removed): such a group can be created and never read, scaled or deleted.</summary>
    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    public async Task Create_DotSegmentName_IsRefused(string name)
    {
        await using var server = await TestServer.StartAsync();
        await server.Admin.PostAsync("/api/v1/launch-templates", new { launchTemplateName = "web" });

        var (status, _) = await server.Admin.PostAsync("/api/v1/auto-scaling-groups", new
        {
            autoScalingGroupName = name, launchTemplate = new { launchTemplateName = "web" }, minSize = 0, maxSize = 1, desiredCapacity = 0,
        });
        var (deleted, _) = await server.Admin.DeleteAsync($"/api/v1/auto-scaling-groups/{Uri.EscapeDataString(name)}");

        Assert.True(status == 400, $"created: {status}; delete answered {deleted}");
    }

    /// <summary>A managed hook's name holds a '/', which the complete route cannot carry: a user cannot answer it.</summary>
    [Fact]
    public async Task CompleteHook_ManagedHook_CanBeAnsweredByAUser()
    {
        await using var server = await TestServer.StartAsync();
        await CreateGroupAsync(server, desired: 0);
        await server.Admin.PostAsync("/api/v1/applications", new { applicationName = "web" });
        await server.Admin.PostAsync("/api/v1/applications/web/deployment-groups", new { deploymentGroupName = "prod", autoScalingGroups = new[] { "asg-web" } });
        const string id = "i-0aaaaaaaaaaaaaaa4";
        await SeedAsync(server, id, LifecycleState.PendingWait, desired: 1);

        var (status, body) = await server.Admin.PostAsync($"/api/v1/auto-scaling-groups/asg-web/lifecycle-hooks/{Uri.EscapeDataString("greenlight-launch:web/prod")}/complete",
            new { instanceId = id, lifecycleActionResult = "ABANDON" });

        Assert.Equal(200, status);
        Assert.Equal("greenlight-launch:web/prod", body!["lifecycleHookName"]!.GetValue<string>());
    }

    private static Process StartMarked(string instanceId)
    {
        var info = new ProcessStartInfo("sleep", "300") { UseShellExecute = false };
        info.Environment["GREENLIGHT_LOCAL_INSTANCE"] = instanceId;
        return Process.Start(info)!;
    }

    /// <summary>Adds an instance (placement with no recorded launch) to asg-web and sets its desired capacity.</summary>
    private static async Task SeedAsync(TestServer server, string id, LifecycleState state, int desired)
    {
        var now = DateTimeOffset.UtcNow;
        var updated = await AutoScalingGroupStore.UpdateAsync(server.Store, "asg-web", doc => doc with
        {
            DesiredCapacity = desired,
            State = doc.State with { Instances = doc.State.Instances.Add(new FleetInstance(id, state, 1, now, now)) },
            Placements = [.. doc.Placements, new InstancePlacement(id, "127.0.1.200", "web", 1, "local")],
        }, new AuditEntry(now, "test", "Seed", "asg-web"), CancellationToken.None);
        Assert.NotNull(updated);
    }

    private static async Task CreateGroupAsync(TestServer server, int desired)
    {
        await server.Admin.PostAsync("/api/v1/launch-templates", new { launchTemplateName = "web" });
        var (status, body) = await server.Admin.PostAsync("/api/v1/auto-scaling-groups", new
        {
            autoScalingGroupName = "asg-web", launchTemplate = new { launchTemplateName = "web" }, minSize = 0, maxSize = 2, desiredCapacity = desired,
        });
        Assert.True(status == 201, body?.ToJsonString());
    }
}
