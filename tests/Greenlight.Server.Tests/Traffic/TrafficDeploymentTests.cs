using Greenlight.Contracts.V1;
using Greenlight.Core.Deployments;
using Greenlight.Engine.Ports;
using Greenlight.Engine.Running;
using Greenlight.Engine.Storage;
using Greenlight.Server.Api;
using Greenlight.Server.Deployments;
using Greenlight.Server.Tests.Api;
using Greenlight.Server.Traffic;
using Greenlight.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Server.Tests.Traffic;

/// <summary>
/// The traffic command port and observer with the real engine, runtime and a real backend: an in-place deployment with
/// traffic control takes the instance out of its target group (BlockTraffic waits for the drain) and puts it back
/// (AllowTraffic waits for a healthy verdict). The API does not yet create WITH_TRAFFIC_CONTROL groups, so the test sets
/// the group's loadBalancerInfo in the store and starts the deployment through the engine.
/// </summary>
public sealed class TrafficDeploymentTests
{
    [Fact]
    public async Task InPlaceWithTrafficControl_BlocksDrainsAndAllowsTrafficThroughTheTargetGroup()
    {
        await using var server = await TestServer.StartAsync();
        await using var backend = await TestBackend.StartAsync("backend-1");
        var instances = await TestFleet.CreateAsync(server.Admin, 1);
        await TrafficSetup.CreateGroupAsync(server.Admin, "tg", backend.Port, delaySeconds: 5);
        var bound = await TrafficSetup.CreateBalancerAsync(server.Admin, "web", "tg");
        await TrafficSetup.RegisterAsync(server.Admin, "tg", (instances[0], backend.Port));
        await TrafficSetup.UntilAsync(server.Admin, "tg", t => TrafficSetup.StateOf(t, instances[0]) == "healthy", "target healthy");
        await AttachAsync(server, "tg");
        var sha = await TestFleet.RevisionAsync(server.Admin, "v1");
        var agent = new ScriptedAgent(server.Admin, instances);

        var id = await StartWithTrafficControlAsync(server, sha);
        await agent.RunUntilAsync(() => TestFleet.IsTerminalAsync(server.Admin, id), TrafficSetup.Timeout);
        var status = await TestFleet.StatusAsync(server.Admin, id);
        var targets = await TrafficSetup.TargetsAsync(server.Admin, "tg");
        var audit = await server.Store.ListAuditAsync(50, CancellationToken.None);
        var answers = await TrafficSetup.SendAsync(bound, 3);
        var (doc, _) = (await TrafficStore.TargetGroupAsync(server.Store, "tg", CancellationToken.None))!.Value;

        var (_, events) = await server.Admin.GetAsync($"/api/v1/deployments/{id}/targets");
        Assert.True(status == "Succeeded", (await TestFleet.InfoAsync(server.Admin, id)).ToJsonString() + events?.ToJsonString());
        Assert.Equal("healthy", TrafficSetup.StateOf(targets, instances[0]));
        var actions = audit.Where(a => a.Actor == "deployment " + id).Select(a => a.Action).Reverse().ToList();
        Assert.Equal(["DeregisterTarget", "RegisterTarget"], actions);
        Assert.Empty(doc.HeldOut);
        Assert.Equal(2, doc.AppliedCommands.Count);
        Assert.All(answers, body => Assert.Equal("backend-1", body));
    }

    [Fact]
    public async Task CommandPort_ACommandRunAgainAfterALaterOne_ChangesNothing()
    {
        await using var server = await TestServer.StartAsync();
        var instances = await TestFleet.CreateAsync(server.Admin, 1);
        await TrafficSetup.CreateGroupAsync(server.Admin, "tg", 8081);
        await TrafficSetup.CreateGroupAsync(server.Admin, "tg-2", 8082);
        await AttachAsync(server, "tg", "tg-2");
        var sha = await TestFleet.RevisionAsync(server.Admin, "v1");
        var id = (await TestFleet.DeployAsync(server.Admin, sha)).Body!["deploymentId"]!.GetValue<string>();
        var port = server.Host.Services.GetServices<ICommandPort>().OfType<TrafficCommandPort>().Single();

        await port.ExecuteAsync(id, new RegisterTarget("k-register", instances[0], InstanceRole.Target), CancellationToken.None);
        var registered = await TrafficSetup.TargetsAsync(server.Admin, "tg-2");
        await port.ExecuteAsync(id, new DeregisterTarget("k-deregister", instances[0], InstanceRole.Target), CancellationToken.None);
        await port.ExecuteAsync(id, new RegisterTarget("k-register", instances[0], InstanceRole.Target), CancellationToken.None);
        await port.ExecuteAsync(id, new SetTrafficWeights("k-weights", 70, 30), CancellationToken.None);
        var (tg, _) = (await TrafficStore.TargetGroupAsync(server.Store, "tg", CancellationToken.None))!.Value;
        var (tg2, _) = (await TrafficStore.TargetGroupAsync(server.Store, "tg-2", CancellationToken.None))!.Value;

        var target = Assert.Single(registered)!;
        Assert.Equal(8082, target["port"]!.GetValue<int>());
        Assert.Equal("blue", target["pool"]!.GetValue<string>());
        Assert.All(new[] { tg, tg2 }, doc =>
        {
            Assert.Empty(doc.Targets);
            Assert.Equal(30, doc.GreenWeight);
            Assert.Equal(["k-register", "k-deregister", "k-weights"], doc.AppliedCommands);
        });
    }

    /// <summary>Sets the deployment group's loadBalancerInfo in the store (the API's validation of it is another branch's work).</summary>
    private static async Task AttachAsync(TestServer server, params string[] targetGroups)
    {
        var key = DeploymentGroupsApi.Key("web", "prod");
        var stored = (await server.Store.GetResourceAsync(ResourceKinds.DeploymentGroup, key, CancellationToken.None))!;
        var group = Documents.Read<DeploymentGroupInfo>(stored.Body) with { LoadBalancerInfo = new GroupLoadBalancerInfo([.. targetGroups.Select(t => new TargetGroupRef(t))]) };
        await server.Store.PutResourceAsync(ResourceKinds.DeploymentGroup, key, Documents.Write(group), stored.Version, new AuditEntry(DateTimeOffset.UtcNow, "test", "AttachTargetGroups", key, ""), CancellationToken.None);
    }

    private static async Task<string> StartWithTrafficControlAsync(TestServer server, string sha)
    {
        var factory = server.Host.Services.GetRequiredService<DeploymentFactory>();
        var engine = server.Host.Services.GetRequiredService<DeploymentEngine>();
        var (spec, error) = await factory.ForUserAsync(new CreateDeploymentInput("web", "prod", new RevisionLocation("Bundle", new BundleLocation(sha, "zip")), "CodeDeployDefault.AllAtOnce"), CancellationToken.None);
        Assert.Null(error);
        var state = await engine.CreateAsync(spec! with { WithTrafficControl = true }, "web", "prod", null, CancellationToken.None);
        return state.DeploymentId;
    }
}
