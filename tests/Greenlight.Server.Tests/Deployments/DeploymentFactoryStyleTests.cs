using Greenlight.Contracts.V1;
using Greenlight.Core.Deployments;
using Greenlight.Engine.Ports;
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

        var result = await Factory(server).RollbackAsync(new DeploymentRecordView("d-TRIGGER01", "web", "prod", triggering), command, "d-ROLLBACK1", CancellationToken.None);

        Assert.Null(result.Problem);
        Assert.Equal(DeploymentKind.BlueGreenRollback, result.Spec!.Kind);
        Assert.Equal(DeploymentCreator.Rollback, result.Spec.Creator);
        Assert.Equal("d-TRIGGER01", result.Spec.RollbackTriggeringDeploymentId);
        Assert.Equal(["b-1", "b-2"], result.Spec.Instances.Select(i => i.InstanceId));
        Assert.Equal(["g-1", "g-2"], result.Spec.Replacements.Select(i => i.InstanceId));
        Assert.Equal(options, result.Spec.BlueGreen);
    }

    private static DeploymentFactory Factory(TestServer server) => server.Host.Services.GetRequiredService<DeploymentFactory>();
}
