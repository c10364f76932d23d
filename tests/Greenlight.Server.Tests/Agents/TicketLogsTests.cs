using Greenlight.Contracts.V1;
using Greenlight.Server.Tests.Api;
using Greenlight.Testing;

namespace Greenlight.Server.Tests.Agents;

/// <summary>Output lines streamed by agents: stored once each, in order, whatever is resent.</summary>
public sealed class TicketLogsTests
{
    [Fact]
    public async Task Report_WithLogLines_StoresEachLineOnceAndReturnsTheCursor()
    {
        await using var server = await TestServer.StartAsync();
        await Api.Fleet.CreateAsync(server.Admin, 1);
        var sha = await Api.Fleet.RevisionAsync(server.Admin, "v1");
        var id = (await Api.Fleet.DeployAsync(server.Admin, sha, new { deploymentConfigName = "CodeDeployDefault.AllAtOnce" })).Body!["deploymentId"]!.GetValue<string>();
        var ticket = (await server.Admin.GetAsync("/api/v1/agent/tickets?instanceName=i-1&waitSeconds=10")).Body!["tickets"]![0]!["ticketKey"]!.GetValue<string>();

        var first = await server.Admin.PostAsync("/api/v1/agent/reports", new AgentReport(ticket, "InProgress", null,
            [new AgentLogLine(1, "stdout", "stopping"), new AgentLogLine(2, "stdout", "stopped")]));
        var resent = await server.Admin.PostAsync("/api/v1/agent/reports", new AgentReport(ticket, "Succeeded", null,
            [new AgentLogLine(2, "stdout", "stopped"), new AgentLogLine(3, "stderr", "bye")]));
        var logs = (await server.Admin.GetAsync($"/api/v1/deployments/{id}/targets/i-1/logs")).Body!["logs"]![0]!["lines"]!.AsArray();

        Assert.Equal(2, first.Body!["logCursor"]!.GetValue<long>());
        Assert.Equal(3, resent.Body!["logCursor"]!.GetValue<long>());
        Assert.Equal(["1 stopping", "2 stopped", "3 bye"], logs.Select(l => $"{l!["sequence"]} {l["line"]}"));
    }
}
