using Greenlight.Contracts.V1;
using Greenlight.Core.Deployments;
using Greenlight.Engine.Running;
using Greenlight.Engine.Storage;
using Greenlight.Server.Deployments;
using Greenlight.Server.Tests.Api;
using Greenlight.Server.Tests.Fleet;
using Greenlight.Server.Tests.Fleet.Local;
using Greenlight.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Greenlight.Server.Tests.Deployments;

/// <summary>
/// Blue/green deployments on a real server: the spec the factory builds, and the green fleet provisioned as a copy of the
/// blue scaling group with real local agents, reported to the deployment. Traffic itself needs the load balancer port.
/// </summary>
public sealed class BlueGreenDeploymentTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Deploy_TrafficRoutingToAnInPlaceGroup_Is400()
    {
        await using var server = await TestServer.StartAsync();
        await TestFleet.CreateAsync(server.Admin, 1);
        var sha = await TestFleet.RevisionAsync(server.Admin, "v1");

        var (status, body) = await TestFleet.DeployAsync(server.Admin, sha, new { trafficRouting = "canary:10:5m" });

        Assert.Equal(400, status);
        Assert.Equal("InvalidTrafficRoutingConfigurationException", body!["code"]!.GetValue<string>());
        Assert.Contains("trafficRouting", body["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"trafficRouting\":\"canary:0:5m\"}", "InvalidTrafficRoutingConfigurationException", "trafficRouting TimeBasedCanary percentage")]
    [InlineData("{\"targetInstances\":{\"tagFilters\":[{\"Key\":\"role\",\"Value\":\"web\",\"Type\":\"KEY_AND_VALUE\"}]}}", "InvalidTargetInstancesException", "targetInstances applies to DISCOVER_EXISTING only")]
    public async Task Deploy_BlueGreenWithBadInput_Is400NamingTheField(string extras, string code, string expected)
    {
        await using var server = await TestServer.StartAsync();
        await BlueGreen.PrepareAsync(server);
        Assert.Equal(201, (await server.Admin.PostAsync("/api/v1/applications/web/deployment-groups", BlueGreen.Group())).Status);
        var sha = await TestFleet.RevisionAsync(server.Admin, "v1");

        var (status, body) = await TestFleet.DeployAsync(server.Admin, sha, System.Text.Json.Nodes.JsonNode.Parse(extras));

        Assert.Equal(400, status);
        Assert.Equal(code, body!["code"]!.GetValue<string>());
        Assert.Contains(expected, body["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploy_DiscoverExisting_TakesTheSelectedInstancesAsGreen_AndRefusesBlueOnes()
    {
        await using var server = await TestServer.StartAsync();
        await BlueGreen.PrepareAsync(server);
        Assert.Equal(201, (await server.Admin.PostAsync("/api/v1/applications/web/deployment-groups", BlueGreen.Group(extras: new
        {
            autoScalingGroups = Array.Empty<string>(),
            onPremisesInstanceTagFilters = new[] { new { Key = "color", Value = "blue", Type = "KEY_AND_VALUE" } },
            blueGreenDeploymentConfiguration = new { greenFleetProvisioningOption = new { action = "DISCOVER_EXISTING" } },
        }))).Status);
        await server.Admin.PutAsync("/api/v1/instances/b-1", new { tags = new[] { new { Key = "color", Value = "blue" } } });
        await server.Admin.PutAsync("/api/v1/instances/g-1", new { tags = new[] { new { Key = "color", Value = "green" } } });
        var sha = await TestFleet.RevisionAsync(server.Admin, "v1");
        var factory = server.Host.Services.GetRequiredService<DeploymentFactory>();
        var input = new CreateDeploymentInput("web", "prod", new RevisionLocation("Bundle", new BundleLocation(sha, "zip")));

        var (missing, _) = await TestFleet.DeployAsync(server.Admin, sha);
        var (overlap, overlapBody) = await TestFleet.DeployAsync(server.Admin, sha, new { targetInstances = new { tagFilters = new[] { new { Key = "color", Value = "blue", Type = "KEY_AND_VALUE" } } } });
        var (spec, error) = await factory.ForUserAsync(input with { TargetInstances = new TargetInstances([new TagFilter("color", "green", "KEY_AND_VALUE")]) }, CancellationToken.None);

        Assert.Equal(400, missing);
        Assert.Equal(400, overlap);
        Assert.Contains("b-1, which is one of the deployment group's own (blue) instances", overlapBody!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(error);
        Assert.Equal(DeploymentKind.BlueGreen, spec!.Kind);
        Assert.Equal(["b-1"], spec.Instances.Select(i => i.InstanceId));
        Assert.Equal(["g-1"], spec.BlueGreen!.GreenFleet.ExistingInstances.ToArray());
        Assert.Equal(TimeSpan.Zero, spec.BlueGreen.TerminationWait);
        Assert.Null(spec.BlueGreen.ReadyWait);
    }

    [Fact]
    public async Task Deploy_CopyAutoScalingGroup_StoresTheSpecCopiesBlueAndFeedsGreenToTheDeployment()
    {
        await using var fleet = new ServerWithAgents(await TestServer.StartAsync(agentCommand: LocalFleet.AgentCommand));
        var server = fleet.Server;
        await BlueGreen.PrepareAsync(server, desired: 1);
        Assert.Equal(201, (await server.Admin.PostAsync("/api/v1/applications/web/deployment-groups", BlueGreen.Group(extras: new
        {
            trafficRouting = "canary:10:5m",
            blueGreenDeploymentConfiguration = new { deploymentReadyOption = new { actionOnTimeout = "STOP_DEPLOYMENT", waitTimeInSeconds = 90 } },
        }))).Status);
        Assert.Equal(201, (await server.Admin.PostAsync("/api/v1/applications/web/deployment-groups", new
        {
            deploymentGroupName = "tagged", onPremisesInstanceTagFilters = new[] { new { Key = "role", Value = "web", Type = "KEY_AND_VALUE" } },
        })).Status);
        var blue = (await fleet.InServiceAsync("asg-web", 1)).Single();
        var sha = await TestFleet.RevisionAsync(server.Admin, "v1");

        var (created, body) = await TestFleet.DeployAsync(server.Admin, sha);
        var id = body!["deploymentId"]!.GetValue<string>();
        var state = EngineJson.ReadState((await server.Store.GetDeploymentAsync(id, CancellationToken.None))!.StateJson);
        var greenName = "asg-web-" + id;
        var green = (await fleet.InServiceAsync(greenName, 1)).Single();
        var greenGroup = (await server.Admin.GetAsync($"/api/v1/auto-scaling-groups/{greenName}")).Body!["autoScalingGroup"]!;
        var targets = await Eventually.Until(() => TargetsAsync(server, id), t => t.Count == 2, Timeout, "blue and green are the deployment's targets");
        var tagged = await server.Host.Services.GetRequiredService<DeploymentFactory>().ForUserAsync(
            new CreateDeploymentInput("web", "tagged", new RevisionLocation("Bundle", new BundleLocation(sha, "zip"))), CancellationToken.None);
        var deployments = await server.Store.ListDeploymentsAsync(new DeploymentQuery("web", null, null, Limit: 10), CancellationToken.None);

        Assert.True(created == 201, body.ToJsonString());
        Assert.Equal(DeploymentKind.BlueGreen, state.Spec.Kind);
        Assert.Equal([blue], state.Spec.Instances.Select(i => i.InstanceId));
        Assert.Equal(GreenFleetSource.CopyAutoScalingGroup("asg-web", "1", 1), state.Spec.BlueGreen!.GreenFleet with { ExistingInstances = [] });
        Assert.Equal(Core.Traffic.TrafficSchedule.Canary(10, TimeSpan.FromMinutes(5)), state.Spec.BlueGreen.Traffic);
        Assert.Equal(TimeSpan.FromSeconds(90), state.Spec.BlueGreen.ReadyWait);
        Assert.Equal("1", greenGroup["launchTemplate"]!["version"]!.GetValue<string>());
        Assert.Equal(1, greenGroup["minSize"]!.GetValue<int>());
        Assert.Equal(4, greenGroup["maxSize"]!.GetValue<int>());
        Assert.Empty(greenGroup["lifecycleHooks"]!.AsArray());
        Assert.Empty(greenGroup["targetGroupNames"]?.AsArray() ?? []);
        Assert.Equal([(blue, "Blue"), (green, "Green")], targets.OrderBy(t => t.Label, StringComparer.Ordinal));
        Assert.Contains(blue, tagged.Spec!.Instances.Select(i => i.InstanceId));
        Assert.DoesNotContain(green, tagged.Spec.Instances.Select(i => i.InstanceId));
        Assert.Equal([id], deployments.Select(d => d.DeploymentId));
    }

    private static async Task<IReadOnlyList<(string Id, string Label)>> TargetsAsync(TestServer server, string id)
    {
        var (_, body) = await server.Admin.GetAsync($"/api/v1/deployments/{id}/targets");
        return [.. body!["deploymentTargets"]!.AsArray().Select(t => t!["instanceTarget"]!).Select(t => (t["targetId"]!.GetValue<string>(), t["instanceLabel"]?.GetValue<string>() ?? ""))];
    }
}
