using Greenlight.Testing;

namespace Greenlight.Server.Tests.Api;

/// <summary>Deployments end to end in one process: real HTTP, real SQLite, a scripted agent speaking the agent protocol.</summary>
public sealed class DeploymentsApiTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Deploy_FourInstancesHalfAtATime_SucceedsWithGapFreeEventLogAndKnownGoodRevision()
    {
        await using var server = await TestServer.StartAsync();
        var instances = await TestFleet.CreateAsync(server.Admin, 4);
        var sha = await TestFleet.RevisionAsync(server.Admin, "v1");
        var agent = new ScriptedAgent(server.Admin, instances);

        var (status, created) = await TestFleet.DeployAsync(server.Admin, sha);
        var id = created!["deploymentId"]!.GetValue<string>();
        await agent.RunUntilAsync(() => TestFleet.IsTerminalAsync(server.Admin, id), Timeout);

        var info = await TestFleet.InfoAsync(server.Admin, id);
        Assert.Equal(201, status);
        Assert.Equal("Succeeded", info["status"]!.GetValue<string>());
        Assert.Equal(4, info["deploymentOverview"]!["succeeded"]!.GetValue<int>());
        Assert.All(agent.Executions.Values, n => Assert.Equal(1, n));
        Assert.Equal(4 * 7, agent.Executions.Count);

        var events = (await server.Admin.GetAsync($"/api/v1/deployments/{id}/events?limit=1000")).Body!["events"]!.AsArray();
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e!["seq"]!.GetValue<long>()));

        // The group document is updated when the engine publishes the success, just after the status turns terminal.
        var group = await Eventually.Until(async () => (await server.Admin.GetAsync("/api/v1/applications/web/deployment-groups/prod")).Body!,
            g => g["deploymentGroupInfo"]!["lastSuccessfulDeployment"] is not null, TimeSpan.FromSeconds(30), "known-good revision recorded");
        Assert.Equal(sha, group["deploymentGroupInfo"]!["targetRevision"]!["bundle"]!["sha256"]!.GetValue<string>());
        Assert.Equal(id, group["deploymentGroupInfo"]!["lastSuccessfulDeployment"]!["deploymentId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Deploy_TargetsOnlyMatchingInstances_WithLifecycleEventsPerTarget()
    {
        await using var server = await TestServer.StartAsync();
        var instances = await TestFleet.CreateAsync(server.Admin, 2);
        var sha = await TestFleet.RevisionAsync(server.Admin, "v1");
        var agent = new ScriptedAgent(server.Admin, instances);
        var id = (await TestFleet.DeployAsync(server.Admin, sha)).Body!["deploymentId"]!.GetValue<string>();
        await agent.RunUntilAsync(() => TestFleet.IsTerminalAsync(server.Admin, id), Timeout);

        var targets = (await server.Admin.GetAsync($"/api/v1/deployments/{id}/targets")).Body!["deploymentTargets"]!.AsArray();

        Assert.Equal(["i-1", "i-2"], targets.Select(t => t!["instanceTarget"]!["targetId"]!.GetValue<string>()).Order());
        var events = targets[0]!["instanceTarget"]!["lifecycleEvents"]!.AsArray().Select(e => e!["lifecycleEventName"]!.GetValue<string>());
        Assert.Equal(["Start", "ApplicationStop", "DownloadBundle", "BeforeInstall", "Install", "AfterInstall", "ApplicationStart", "ValidateService", "End"], events);
    }

    [Fact]
    public async Task Deploy_WhileAnotherIsActive_Is409AndCreatesNothing()
    {
        await using var server = await TestServer.StartAsync();
        await TestFleet.CreateAsync(server.Admin, 2);
        var sha = await TestFleet.RevisionAsync(server.Admin, "v1");
        var first = (await TestFleet.DeployAsync(server.Admin, sha)).Body!["deploymentId"]!.GetValue<string>();

        var (status, body) = await TestFleet.DeployAsync(server.Admin, sha);
        var (_, list) = await server.Admin.GetAsync("/api/v1/deployments?applicationName=web");

        Assert.Equal(409, status);
        Assert.Equal("DeploymentLimitExceededException", body!["code"]!.GetValue<string>());
        Assert.Equal([first], list!["deployments"]!.AsArray().Select(d => d!.GetValue<string>()));
    }

    [Fact]
    public async Task Deploy_FailingValidateService_FailsAndRollsBackToTheKnownGoodRevision()
    {
        await using var server = await TestServer.StartAsync();
        var instances = await TestFleet.CreateAsync(server.Admin, 2, new { autoRollbackConfiguration = new { enabled = true, events = new[] { "DEPLOYMENT_FAILURE" } } });
        var good = await TestFleet.RevisionAsync(server.Admin, "v1");
        var bad = await TestFleet.RevisionAsync(server.Admin, "v2");
        var agent = new ScriptedAgent(server.Admin, instances);
        var v1 = (await TestFleet.DeployAsync(server.Admin, good)).Body!["deploymentId"]!.GetValue<string>();
        await agent.RunUntilAsync(() => TestFleet.IsTerminalAsync(server.Admin, v1), Timeout);

        agent.Outcome = ticket => !(ticket.Revision == bad && ticket.LifecycleEvent == "ValidateService");
        var v2 = (await TestFleet.DeployAsync(server.Admin, bad)).Body!["deploymentId"]!.GetValue<string>();
        await agent.RunUntilAsync(() => TestFleet.IsTerminalAsync(server.Admin, v2), Timeout);
        var failed = await TestFleet.InfoAsync(server.Admin, v2);
        var rollbackId = await Eventually.Until(
            async () => (await TestFleet.InfoAsync(server.Admin, v2))["rollbackInfo"]?["rollbackDeploymentId"]?.GetValue<string>(),
            r => r is not null, Timeout, "rollback deployment linked");
        await agent.RunUntilAsync(() => TestFleet.IsTerminalAsync(server.Admin, rollbackId!), Timeout);
        var rollback = await TestFleet.InfoAsync(server.Admin, rollbackId!);

        Assert.Equal("Failed", failed["status"]!.GetValue<string>());
        Assert.Equal("HEALTH_CONSTRAINTS", failed["errorInformation"]!["code"]!.GetValue<string>());
        Assert.Equal("Succeeded", rollback["status"]!.GetValue<string>());
        Assert.Equal(good, rollback["revision"]!["bundle"]!["sha256"]!.GetValue<string>());
        Assert.Equal("codeDeployRollback", rollback["creator"]!.GetValue<string>());
        Assert.Equal(v2, rollback["rollbackInfo"]!["rollbackTriggeringDeploymentId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Stop_RunningDeployment_StopsItAndASecondStopIsRefused()
    {
        await using var server = await TestServer.StartAsync();
        await TestFleet.CreateAsync(server.Admin, 2);
        var sha = await TestFleet.RevisionAsync(server.Admin, "v1");
        var id = (await TestFleet.DeployAsync(server.Admin, sha)).Body!["deploymentId"]!.GetValue<string>();

        var (stopped, _) = await server.Admin.PostAsync($"/api/v1/deployments/{id}/stop", new { autoRollbackEnabled = false });
        var (again, body) = await server.Admin.PostAsync($"/api/v1/deployments/{id}/stop", new { autoRollbackEnabled = false });
        var info = await TestFleet.InfoAsync(server.Admin, id);

        Assert.Equal(200, stopped);
        Assert.Equal(400, again);
        Assert.Equal("DeploymentAlreadyCompletedException", body!["code"]!.GetValue<string>());
        Assert.Equal("Stopped", info["status"]!.GetValue<string>());
        Assert.Equal("MANUAL_STOP", info["errorInformation"]!["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"applicationName\":\"web\",\"deploymentGroupName\":\"nope\",\"revision\":{\"revisionType\":\"Bundle\",\"bundle\":{\"sha256\":\"x\",\"bundleType\":\"zip\"}}}", 404, "DeploymentGroupDoesNotExistException")]
    [InlineData("{\"applicationName\":\"web\",\"deploymentGroupName\":\"prod\",\"revision\":{\"revisionType\":\"Bundle\",\"bundle\":{\"sha256\":\"0000000000000000000000000000000000000000000000000000000000000000\",\"bundleType\":\"zip\"}}}", 404, "RevisionDoesNotExistException")]
    public async Task Deploy_BadInput_NamesTheProblemAndCreatesNothing(string json, int expected, string code)
    {
        await using var server = await TestServer.StartAsync();
        await TestFleet.CreateAsync(server.Admin, 1);

        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await server.Admin.Http.PostAsync("api/v1/deployments", content);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var (_, list) = await server.Admin.GetAsync("/api/v1/deployments");

        Assert.Equal(expected, (int)response.StatusCode);
        Assert.Equal(code, body["code"]!.GetValue<string>());
        Assert.Empty(list!["deployments"]!.AsArray());
    }

    [Fact]
    public async Task Deploy_TwoGroupsAtOnce_BothRunConcurrentlyAndRecordRevisionUse()
    {
        await using var server = await TestServer.StartAsync();
        var instances = await TestFleet.CreateAsync(server.Admin, 2);
        Assert.Equal(201, (await server.Admin.PostAsync("/api/v1/applications/web/deployment-groups", new
        {
            deploymentGroupName = "canary",
            onPremisesInstanceTagFilters = new[] { new { Key = "role", Value = "db", Type = "KEY_AND_VALUE" } },
        })).Status);
        var sha = await TestFleet.RevisionAsync(server.Admin, "v1");
        var agent = new ScriptedAgent(server.Admin, [.. instances, "db-1"]);

        var prod = (await TestFleet.DeployAsync(server.Admin, sha)).Body!["deploymentId"]!.GetValue<string>();
        var (status, created) = await TestFleet.DeployAsync(server.Admin, sha, new { deploymentGroupName = "canary" });
        var canary = created!["deploymentId"]!.GetValue<string>();
        var bothRunning = await TestFleet.StatusAsync(server.Admin, prod) == "InProgress" && await TestFleet.StatusAsync(server.Admin, canary) == "InProgress";
        await agent.RunUntilAsync(async () => await TestFleet.IsTerminalAsync(server.Admin, prod) && await TestFleet.IsTerminalAsync(server.Admin, canary), Timeout);

        Assert.Equal(201, status);
        Assert.True(bothRunning);
        Assert.Equal("Succeeded", await TestFleet.StatusAsync(server.Admin, prod));
        Assert.Equal("Succeeded", await TestFleet.StatusAsync(server.Admin, canary));
        var revision = (await server.Admin.GetAsync($"/api/v1/applications/web/revisions/{sha}")).Body!["revisionInfo"]!["genericRevisionInfo"]!;
        Assert.NotNull(revision["firstUsedTime"]);
        Assert.NotNull(revision["lastUsedTime"]);
    }

    [Fact]
    public async Task OpenApi_Document_IsServedWithoutToken()
    {
        await using var server = await TestServer.StartAsync();
        using var anonymous = server.Client(null);

        var (status, body) = await anonymous.GetAsync("/openapi/v1.json");

        Assert.Equal(200, status);
        Assert.NotNull(body!["paths"]!["/api/v1/deployments"]);
    }
}
