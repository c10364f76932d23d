using Greenlight.Contracts.V1;
using Greenlight.Server.Tests.Api;
using Greenlight.Testing;

namespace Greenlight.Server.Tests.Agents;

public sealed class HeartbeatTests
{
    [Fact]
    public async Task SilentAgent_PastTheHeartbeatTimeout_IsReportedLostAndTheDeploymentMovesOn()
    {
        await using var server = await TestServer.StartAsync(heartbeatTimeout: TimeSpan.FromSeconds(1));
        await Api.Fleet.CreateAsync(server.Admin, 1);
        var sha = await Api.Fleet.RevisionAsync(server.Admin, "v1");
        var id = (await Api.Fleet.DeployAsync(server.Admin, sha, new { deploymentConfigName = "CodeDeployDefault.AllAtOnce" })).Body!["deploymentId"]!.GetValue<string>();

        // The agent takes its first ticket, says it started, and is never heard from again.
        var ticket = (await server.Admin.GetAsync("/api/v1/agent/tickets?instanceName=i-1&waitSeconds=10")).Body!["tickets"]![0]!["ticketKey"]!.GetValue<string>();
        await server.Admin.PostAsync("/api/v1/agent/reports", new AgentReport(ticket, "InProgress"));
        var status = await Eventually.Until(() => Api.Fleet.StatusAsync(server.Admin, id), s => s != "InProgress", TimeSpan.FromSeconds(20), "deployment ends");

        var target = (await server.Admin.GetAsync($"/api/v1/deployments/{id}/targets/i-1")).Body!["deploymentTarget"]!["instanceTarget"]!;
        Assert.Equal("Failed", status);
        Assert.Equal("Failed", target["status"]!.GetValue<string>());
        var failed = target["lifecycleEvents"]!.AsArray().Single(e => e!["status"]!.GetValue<string>() == "Failed")!;
        Assert.Equal("InstanceLost", failed["diagnostics"]!["errorCode"]!.GetValue<string>());
        Assert.Contains("heartbeat timeout 1 s", failed["diagnostics"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
