using Greenlight.Contracts.V1;
using Greenlight.Core.Deployments;
using Greenlight.Engine.Ports;
using Greenlight.Engine.Running;
using Greenlight.Engine.Storage;
using Greenlight.Server.Deployments;
using Greenlight.Server.Tests.Api;
using Greenlight.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Server.Tests.Deployments;

/// <summary>What the deployment group's style makes of a deployment's spec: traffic control in place, blue/green rollbacks.</summary>
public sealed class DeploymentFactoryStyleTests
{
    [Fact]
    public async Task ForUser_InPlaceWithTrafficControl_IsInPlaceWithTrafficControl()
    {
        await using var server = await TestServer.StartAsync();
        await BlueGreen.TargetGroupAsync(server);
        await TestFleet.CreateAsync(server.Admin, 2, new
        {
            deploymentStyle = new { deploymentType = "IN_PLACE", deploymentOption = "WITH_TRAFFIC_CONTROL" },
            loadBalancerInfo = new { targetGroupInfoList = new[] { new { name = "tg-web" } } },
        });
        var sha = await TestFleet.RevisionAsync(server.Admin, "v1");

        var (spec, error) = await Factory(server).ForUserAsync(new CreateDeploymentInput("web", "prod", new RevisionLocation("Bundle", new BundleLocation(sha, "zip"))), CancellationToken.None);

        Assert.Null(error);
        Assert.Equal(DeploymentKind.InPlace, spec!.Kind);
        Assert.True(spec.WithTrafficControl);
        Assert.Null(spec.BlueGreen);
    }

    [Fact]
    public async Task Rollback_BlueGreenRollbackCommand_HasTheOriginalsAndReplacementsOfTheCommand()
    {
        await using var server = await TestServer.StartAsync();
        await BlueGreen.PrepareAsync(server);
        Assert.Equal(201, (await server.Admin.PostAsync("/api/v1/applications/web/deployment-groups", BlueGreen.Group())).Status);
        var options = new BlueGreenOptions(GreenFleetSource.CopyAutoScalingGroup("asg-web", "1", 2), Core.Traffic.TrafficSchedule.Canary(10, TimeSpan.FromSeconds(5)), null, TimeSpan.Zero);
        var triggering = DeploymentState.Create(new DeploymentSpec("d-TRIGGER01", "abc", DeploymentKind.BlueGreen, Core.Batching.DeploymentConfiguration.AllAtOnce, [])
        {
            BlueGreen = options,
        }) with { Status = DeploymentStatus.Failed };
        var command = new StartRollbackDeployment("k", "abc", "d-TRIGGER01", "rolled back", DeploymentKind.BlueGreenRollback, ["b-1", "b-2"], ["g-1", "g-2"]);
        await server.Admin.PutAsync("/api/v1/instances/b-1", new { tags = new[] { new { Key = "color", Value = "blue" } } });

        var result = await Factory(server).RollbackAsync(new DeploymentRecordView("d-TRIGGER01", "web", "prod", triggering), command, "d-ROLLBACK1", CancellationToken.None);

        Assert.Null(result.Problem);
        Assert.Equal(DeploymentKind.BlueGreenRollback, result.Spec!.Kind);
        Assert.Equal(DeploymentCreator.Rollback, result.Spec.Creator);
        Assert.Equal("d-TRIGGER01", result.Spec.RollbackTriggeringDeploymentId);
        Assert.Equal(["b-1", "b-2"], result.Spec.Instances.Select(i => i.InstanceId));
        Assert.Equal(["g-1", "g-2"], result.Spec.Replacements.Select(i => i.InstanceId));
        Assert.Equal(options, result.Spec.BlueGreen);
    }

    [Fact]
    public async Task Rollback_BlueGreenRollbackCommandWhenBlueIsGone_IsAnInPlaceRedeployOfTheKnownGoodRevision()
    {
        await using var server = await TestServer.StartAsync();
        await BlueGreen.PrepareAsync(server);
        Assert.Equal(201, (await server.Admin.PostAsync("/api/v1/applications/web/deployment-groups", BlueGreen.Group())).Status);
        await SucceededAsync(server, "d-GOOD00001", "good", "RETAIN");
        var triggering = DeploymentState.Create(new DeploymentSpec("d-TRIGGER01", "bad", DeploymentKind.BlueGreen, Core.Batching.DeploymentConfiguration.AllAtOnce, [])
        {
            BlueGreen = new BlueGreenOptions(GreenFleetSource.CopyAutoScalingGroup("asg-web", "1", 1), Core.Traffic.TrafficSchedule.AllAtOnce, null, TimeSpan.Zero),
        }) with { Status = DeploymentStatus.Failed };
        var command = new StartRollbackDeployment("k", "good", "d-TRIGGER01", "rolled back", DeploymentKind.BlueGreenRollback, ["b-gone"], ["g-1"]);

        var result = await Factory(server).RollbackAsync(new DeploymentRecordView("d-TRIGGER01", "web", "prod", triggering), command, "d-ROLLBACK1", CancellationToken.None);

        Assert.Null(result.Problem);
        Assert.Equal(DeploymentKind.InPlace, result.Spec!.Kind);
        Assert.Equal("good", result.Spec.Revision);
        Assert.Equal("RETAIN", result.Spec.FileExistsBehavior);
        Assert.Empty(result.Spec.Replacements);
        Assert.Null(result.Spec.BlueGreen);
        Assert.Equal("d-TRIGGER01", result.Spec.RollbackTriggeringDeploymentId);
    }

    [Fact]
    public async Task Rollback_InPlaceWithTrafficControl_KeepsTrafficControlAndInstallsAsTheKnownGoodDeploymentDid()
    {
        await using var server = await TestServer.StartAsync();
        await BlueGreen.TargetGroupAsync(server);
        await TestFleet.CreateAsync(server.Admin, 2, new
        {
            deploymentStyle = new { deploymentType = "IN_PLACE", deploymentOption = "WITH_TRAFFIC_CONTROL" },
            loadBalancerInfo = new { targetGroupInfoList = new[] { new { name = "tg-web" } } },
            watchSeconds = 30,
        });
        await SucceededAsync(server, "d-GOOD00001", "good", "OVERWRITE");
        var triggering = DeploymentState.Create(new DeploymentSpec("d-TRIGGER01", "bad", DeploymentKind.InPlace, Core.Batching.DeploymentConfiguration.AllAtOnce, [])
        {
            FileExistsBehavior = "RETAIN",
        }) with { Status = DeploymentStatus.Failed };
        var command = new StartRollbackDeployment("k", "good", "d-TRIGGER01", "rolled back", DeploymentKind.InPlace, [], []);

        var result = await Factory(server).RollbackAsync(new DeploymentRecordView("d-TRIGGER01", "web", "prod", triggering), command, "d-ROLLBACK1", CancellationToken.None);
        var user = await Factory(server).ForUserAsync(new CreateDeploymentInput("web", "prod", new RevisionLocation("Bundle", new BundleLocation(await TestFleet.RevisionAsync(server.Admin, "v3"), "zip"))), CancellationToken.None);

        Assert.Equal(DeploymentKind.InPlace, result.Spec!.Kind);
        Assert.True(result.Spec.WithTrafficControl);
        Assert.Equal("OVERWRITE", result.Spec.FileExistsBehavior);
        Assert.True(result.Spec.IgnoreApplicationStopFailures);
        Assert.Equal(TimeSpan.Zero, result.Spec.WatchWindow);
        Assert.Equal(["i-1", "i-2"], result.Spec.Instances.Select(i => i.InstanceId));
        Assert.Equal(TimeSpan.FromSeconds(30), user.Spec!.WatchWindow);
    }

    /// <summary>Stores a Succeeded user deployment of the group, as if it had run: what makes a revision known-good.</summary>
    private static async Task SucceededAsync(TestServer server, string id, string revision, string fileExistsBehavior)
    {
        var state = DeploymentState.Create(new DeploymentSpec(id, revision, DeploymentKind.InPlace, Core.Batching.DeploymentConfiguration.AllAtOnce, [])
        {
            FileExistsBehavior = fileExistsBehavior,
        }) with { Status = DeploymentStatus.Succeeded };
        var now = DateTimeOffset.UtcNow;
        await server.Store.CreateDeploymentAsync(new DeploymentRecord(id, "web", "prod", nameof(DeploymentKind.InPlace), nameof(DeploymentCreator.User),
            "Succeeded", EngineJson.State(state), 1, null, false, now, now), new NewEvent("created", "{}"), null, CancellationToken.None);
    }

    private static DeploymentFactory Factory(TestServer server) => server.Host.Services.GetRequiredService<DeploymentFactory>();
}
