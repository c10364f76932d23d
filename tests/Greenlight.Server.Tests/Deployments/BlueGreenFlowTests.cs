using Greenlight.Core.Deployments;
using Greenlight.Core.Lifecycle;
using Greenlight.Engine.Running;
using Greenlight.Server.Fleet;
using Greenlight.Server.Tests.Api;
using Greenlight.Server.Tests.Fleet;
using Greenlight.Server.Tests.Fleet.Local;
using Greenlight.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Server.Tests.Deployments;

/// <summary>
/// A whole blue/green deployment that copies its scaling group, with real local agents, the test playing the load
/// balancer (no traffic port here): it reports green healthy at AllowTraffic and blue drained at BlockTraffic. What is
/// checked is this part's: green provisioned and installed, then handed over, blue deleted.
/// </summary>
public sealed class BlueGreenFlowTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task BlueGreen_CopyAndTerminate_Succeeds_GreenBecomesTheGroupsAndBlueIsDeleted()
    {
        await using var fleet = new ServerWithAgents(await TestServer.StartAsync(agentCommand: LocalFleet.AgentCommand));
        var server = fleet.Server;
        await BlueGreen.PrepareAsync(server, desired: 1);
        Assert.Equal(201, (await server.Admin.PostAsync("/api/v1/applications/web/deployment-groups", BlueGreen.Group())).Status);
        var blue = (await fleet.InServiceAsync("asg-web", 1)).Single();
        await AutoScalingGroupStore.UpdateAsync(server.Store, "asg-web", d => d with { TargetGroupNames = ["tg-web"] },
            new Engine.Storage.AuditEntry(DateTimeOffset.UtcNow, "test", "Attach", "asg-web"), CancellationToken.None);
        var sha = await TestFleet.RevisionAsync(server.Admin, "v1");

        var (_, body) = await TestFleet.DeployAsync(server.Admin, sha);
        var id = body!["deploymentId"]!.GetValue<string>();
        var state = await PlayLoadBalancerAsync(server, id);
        var green = "asg-web-" + id;
        await Eventually.Until(async () => (await server.Admin.GetAsync("/api/v1/auto-scaling-groups/asg-web")).Status, s => s == 404, Timeout, "blue's group deleted");
        // The handover is carried out when the success is dispatched, just after the state says Succeeded.
        var group = await Eventually.Until(async () => (await server.Admin.GetAsync("/api/v1/applications/web/deployment-groups/prod")).Body!["deploymentGroupInfo"]!,
            g => g["autoScalingGroups"]!.AsArray().Select(n => n!.GetValue<string>()).SequenceEqual([green]), Timeout, "green handed over");
        var greenDoc = (await AutoScalingGroupStore.GetAsync(server.Store, green, CancellationToken.None))!.Value.Document;
        var greenInstances = await fleet.InServiceAsync(green, 1);

        Assert.True(state.Status == DeploymentStatus.Succeeded, $"{state.Status}: {state.Reason} {state.Failure?.Message}");
        Assert.Equal([blue], state.Instances.Where(i => i.Role == InstanceRole.Original).Select(i => i.InstanceId));
        Assert.Equal(greenInstances, state.Instances.Where(i => i.Role == InstanceRole.Replacement).Select(i => i.InstanceId));
        Assert.Equal([green], group["autoScalingGroups"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.Null(greenDoc.GreenFor);
        Assert.Equal(["tg-web"], greenDoc.TargetGroupNames);
    }

    [Fact]
    public async Task BlueGreen_GreenFailsToInstall_RollsBack_GreenIsDeletedAndBlueStaysTheGroups()
    {
        await using var fleet = new ServerWithAgents(await TestServer.StartAsync(agentCommand: LocalFleet.AgentCommand));
        var server = fleet.Server;
        await BlueGreen.PrepareAsync(server, desired: 1);
        Assert.Equal(201, (await server.Admin.PostAsync("/api/v1/applications/web/deployment-groups", BlueGreen.Group(extras: new
        {
            autoRollbackConfiguration = new { enabled = true, events = new[] { "DEPLOYMENT_FAILURE" } },
        }))).Status);
        var blue = (await fleet.InServiceAsync("asg-web", 1)).Single();
        var (uploaded, revision) = await TestFleet.UploadAsync(server.Admin, ZipBuilder.Build(
        [
            ("appspec.yml", "version: 0.0\nos: linux\nhooks:\n  ValidateService:\n    - location: check.sh\n", ZipBuilder.File644),
            ("check.sh", "#!/bin/bash\nexit 1\n", ZipBuilder.File755),
        ]));
        Assert.Equal(201, uploaded);

        var (_, body) = await TestFleet.DeployAsync(server.Admin, revision!["revisionLocation"]!["bundle"]!["sha256"]!.GetValue<string>());
        var id = body!["deploymentId"]!.GetValue<string>();
        var failed = await PlayLoadBalancerAsync(server, id);
        var rollbackId = await Eventually.Until(async () => (await server.Host.Services.GetRequiredService<DeploymentEngine>().LoadStateAsync(id, CancellationToken.None))!.Rollback?.RollbackDeploymentId,
            r => r is not null, Timeout, "the rollback deployment created");
        var rollback = await PlayLoadBalancerAsync(server, rollbackId!);
        await Eventually.Until(async () => (await server.Admin.GetAsync($"/api/v1/auto-scaling-groups/asg-web-{id}")).Status, s => s == 404, Timeout, "green's group deleted");
        var group = (await server.Admin.GetAsync("/api/v1/applications/web/deployment-groups/prod")).Body!["deploymentGroupInfo"]!;

        Assert.Equal(DeploymentStatus.Failed, failed.Status);
        Assert.True(rollback.Status == DeploymentStatus.Succeeded, $"{rollback.Status}: {rollback.Reason} {rollback.Failure?.Message}");
        Assert.Equal(DeploymentKind.BlueGreenRollback, rollback.Spec.Kind);
        Assert.Equal([blue], rollback.Spec.Instances.Select(i => i.InstanceId));
        Assert.Single(rollback.Spec.Replacements);
        Assert.Equal(["asg-web"], group["autoScalingGroups"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.Equal([blue], await fleet.InServiceAsync("asg-web", 1));
    }

    /// <summary>Until the deployment ends: green healthy when it reaches AllowTraffic, blue drained when it reaches BlockTraffic.</summary>
    private static async Task<DeploymentState> PlayLoadBalancerAsync(TestServer server, string id)
    {
        var engine = server.Host.Services.GetRequiredService<DeploymentEngine>();
        return await Eventually.Until(async () =>
        {
            var state = (await engine.LoadStateAsync(id, CancellationToken.None))!;
            foreach (var instance in state.Instances.Where(i => i.Status == InstanceStatus.InProgress))
            {
                Observation? answer = instance.CurrentStep?.Event switch
                {
                    LifecycleEvent.AllowTraffic => new TargetHealthChanged(instance.InstanceId, true),
                    LifecycleEvent.BlockTraffic => new TargetDrained(instance.InstanceId),
                    _ => null,
                };
                if (answer is not null)
                {
                    await engine.ObserveAsync(id, answer, CancellationToken.None);
                }
            }

            return state;
        }, s => s.Status is DeploymentStatus.Succeeded or DeploymentStatus.Failed or DeploymentStatus.Stopped, Timeout, "the blue/green deployment ends");
    }
}
