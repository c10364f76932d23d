using Greenlight.Contracts.V1;
using Greenlight.Core.Batching;
using Greenlight.Server.Deployments;
using Greenlight.Server.Tests.Api;
using Greenlight.Testing;

namespace Greenlight.Server.Tests.Deployments;

public sealed class InstanceHealthTests
{
    [Theory]
    [InlineData(null, null, RevisionHealth.Unknown)]
    [InlineData("Unhealthy", "aaa", RevisionHealth.Unhealthy)]
    [InlineData("Healthy", "aaa", RevisionHealth.Current)]
    [InlineData("Healthy", "bbb", RevisionHealth.Old)]
    public void RevisionHealthOf_InstanceAndGroupRevision_FollowsCodeDeploy(string? status, string? revision, RevisionHealth expected)
    {
        var health = status is null ? null : new InstanceHealthInfo(status, revision, "d-1", DateTimeOffset.UnixEpoch);

        Assert.Equal(expected, DeploymentFactory.RevisionHealthOf(health, "aaa"));
    }

    [Fact]
    public async Task Deployments_RecordEachInstancesHealth_AndTheNextOneStartsWithTheUnhealthy()
    {
        await using var server = await TestServer.StartAsync();
        var instances = await Api.Fleet.CreateAsync(server.Admin, 2, new { deploymentConfigName = "CodeDeployDefault.AllAtOnce" });
        var v1 = await Api.Fleet.RevisionAsync(server.Admin, "v1");
        var v2 = await Api.Fleet.RevisionAsync(server.Admin, "v2");
        var agent = new ScriptedAgent(server.Admin, instances);
        var first = (await Api.Fleet.DeployAsync(server.Admin, v1)).Body!["deploymentId"]!.GetValue<string>();
        await agent.RunUntilAsync(() => Api.Fleet.IsTerminalAsync(server.Admin, first), TimeSpan.FromMinutes(2));

        // v2 fails on i-2 only; AllAtOnce needs one success, so the deployment succeeds and i-2 is left Unhealthy on v1.
        agent.Outcome = t => !(t.InstanceName == "i-2" && t.Revision == v2 && t.LifecycleEvent == "ValidateService");
        var second = (await Api.Fleet.DeployAsync(server.Admin, v2)).Body!["deploymentId"]!.GetValue<string>();
        await agent.RunUntilAsync(() => Api.Fleet.IsTerminalAsync(server.Admin, second), TimeSpan.FromMinutes(2));

        // Health is recorded when the engine publishes the deployment's end, just after its status turns terminal.
        var (i1, i2) = await Eventually.Until(
            async () => ((await server.Admin.GetAsync("/api/v1/instances/i-1")).Body!["instanceHealth"]!, (await server.Admin.GetAsync("/api/v1/instances/i-2")).Body!["instanceHealth"]!),
            h => h.Item1["lastDeploymentId"]?.GetValue<string>() == second && h.Item2["lastDeploymentId"]?.GetValue<string>() == second,
            TimeSpan.FromSeconds(30), "health recorded for the second deployment");
        var third = (await Api.Fleet.DeployAsync(server.Admin, v2)).Body!["deploymentId"]!.GetValue<string>();
        var order = (await server.Admin.GetAsync($"/api/v1/deployments/{third}/targets")).Body!["deploymentTargets"]!.AsArray()
            .Select(t => t!["instanceTarget"]!["targetId"]!.GetValue<string>());

        Assert.Equal("Succeeded", await Api.Fleet.StatusAsync(server.Admin, second));
        Assert.Equal(("Healthy", v2, second), (i1["status"]!.GetValue<string>(), i1["revision"]!.GetValue<string>(), i1["lastDeploymentId"]!.GetValue<string>()));
        Assert.Equal(("Unhealthy", v1, second), (i2["status"]!.GetValue<string>(), i2["revision"]!.GetValue<string>(), i2["lastDeploymentId"]!.GetValue<string>()));
        Assert.Equal(["i-2", "i-1"], order);
    }
}
