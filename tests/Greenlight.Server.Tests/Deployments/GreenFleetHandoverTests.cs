using Greenlight.Core.Deployments;
using Greenlight.Engine.Ports;
using Greenlight.Engine.Storage;
using Greenlight.Server.Api;
using Greenlight.Server.Deployments;
using Greenlight.Server.Fleet;
using Greenlight.Server.Tests.Api;
using Greenlight.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Server.Tests.Deployments;

/// <summary>The end of a blue/green deployment that copied its scaling group, at the factory: green becomes the deployment group's group.</summary>
public sealed class GreenFleetHandoverTests
{
    private const string DeploymentId = "d-handover1";
    private const string Green = "asg-web-" + DeploymentId;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DeploymentEnded_BlueGreenSucceeded_SwapsTheGroupsMovesTargetGroupsAndHooks_Idempotently(bool keepBlue)
    {
        await using var server = await TestServer.StartAsync();
        await BlueGreen.PrepareAsync(server);
        Assert.Equal(201, (await server.Admin.PostAsync("/api/v1/applications/web/deployment-groups", BlueGreen.Group())).Status);
        var sha = await TestFleet.RevisionAsync(server.Admin, "v1");
        var blue = await AutoScalingGroupStore.UpdateAsync(server.Store, "asg-web", d => d with { TargetGroupNames = ["tg-web"] }, Audit("blue"), CancellationToken.None);
        await server.Store.PutResourceAsync(ResourceKinds.AutoScalingGroup, Green, Documents.Write(blue! with { Name = Green, TargetGroupNames = [], GreenFor = DeploymentId }), 0,
            Audit(Green), CancellationToken.None);
        var factory = server.Host.Services.GetRequiredService<DeploymentFactory>();
        var view = new DeploymentRecordView(DeploymentId, "web", "prod", Succeeded(sha, keepBlue));

        await factory.DeploymentEndedAsync(view, CancellationToken.None);
        await factory.DeploymentEndedAsync(view, CancellationToken.None);

        var group = (await server.Admin.GetAsync("/api/v1/applications/web/deployment-groups/prod")).Body!["deploymentGroupInfo"]!;
        var green = (await AutoScalingGroupStore.GetAsync(server.Store, Green, CancellationToken.None))!.Value.Document;
        var blueAfter = (await AutoScalingGroupStore.GetAsync(server.Store, "asg-web", CancellationToken.None))!.Value.Document;
        var greenHooks = (await server.Admin.GetAsync($"/api/v1/auto-scaling-groups/{Green}")).Body!["autoScalingGroup"]!["lifecycleHooks"]!.AsArray();
        var blueHooks = (await server.Admin.GetAsync("/api/v1/auto-scaling-groups/asg-web")).Body!["autoScalingGroup"]!["lifecycleHooks"]!.AsArray();

        Assert.Equal([Green], group["autoScalingGroups"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.Null(green.GreenFor);
        Assert.Equal(["tg-web"], green.TargetGroupNames);
        Assert.Equal("greenlight-launch:web/prod", greenHooks.Single()!["lifecycleHookName"]!.GetValue<string>());
        Assert.Empty(blueHooks);
        Assert.Equal(keepBlue ? [] : ["tg-web"], blueAfter.TargetGroupNames);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DeploymentEnded_BlueGreenFailed_KeepsBlueAsTheGroups_AndDeletesGreenOnlyIfItNeverServed(bool greenServed)
    {
        await using var server = await TestServer.StartAsync();
        await BlueGreen.PrepareAsync(server);
        Assert.Equal(201, (await server.Admin.PostAsync("/api/v1/applications/web/deployment-groups", BlueGreen.Group())).Status);
        var sha = await TestFleet.RevisionAsync(server.Admin, "v1");
        var blue = (await AutoScalingGroupStore.GetAsync(server.Store, "asg-web", CancellationToken.None))!.Value.Document;
        await server.Store.PutResourceAsync(ResourceKinds.AutoScalingGroup, Green, Documents.Write(blue with { Name = Green, GreenFor = DeploymentId }), 0, Audit(Green), CancellationToken.None);
        var failed = Succeeded(sha, keepBlue: false) with { Status = DeploymentStatus.Failed };
        if (greenServed)
        {
            failed = failed with { Instances = [InstanceState.Create(new TargetInstance("i-green"), InstanceRole.Replacement, [])] };
        }

        await server.Host.Services.GetRequiredService<DeploymentFactory>().DeploymentEndedAsync(new DeploymentRecordView(DeploymentId, "web", "prod", failed), CancellationToken.None);

        var group = (await server.Admin.GetAsync("/api/v1/applications/web/deployment-groups/prod")).Body!["deploymentGroupInfo"]!;
        var green = await AutoScalingGroupStore.GetAsync(server.Store, Green, CancellationToken.None);
        Assert.Equal(["asg-web"], group["autoScalingGroups"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.Equal(greenServed, green is { Document.Deleting: false });
    }

    private static DeploymentState Succeeded(string sha, bool keepBlue)
    {
        var spec = new DeploymentSpec(DeploymentId, sha, DeploymentKind.BlueGreen, Core.Batching.DeploymentConfiguration.AllAtOnce, [])
        {
            BlueGreen = new BlueGreenOptions(GreenFleetSource.CopyAutoScalingGroup("asg-web", "1", 1), Core.Traffic.TrafficSchedule.AllAtOnce, null,
                keepBlue ? null : TimeSpan.Zero),
        };
        return DeploymentState.Create(spec) with { Status = DeploymentStatus.Succeeded, StartedAt = DateTimeOffset.UtcNow, CompletedAt = DateTimeOffset.UtcNow };
    }

    private static AuditEntry Audit(string target) => new(DateTimeOffset.UtcNow, "test", "Arrange", target);
}
