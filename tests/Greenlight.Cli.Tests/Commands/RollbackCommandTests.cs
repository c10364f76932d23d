using System.Text.Json.Nodes;
using Greenlight.Testing;

namespace Greenlight.Cli.Tests.Commands;

/// <summary><c>greenlight rollback</c>, <c>deployment rollback</c> and <c>deployment explain</c> against a real server with a scripted agent.</summary>
public sealed class RollbackCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Explain_FailedDeploymentRolledBack_PrintsTheErrorTheFailedEventsAndTheRollbackBothWays()
    {
        await using var cli = await ServerCli.StartAsync();
        var agent = await FleetAsync(cli, autoRollback: true);
        var good = await UploadAsync(cli, "v1");
        var bad = await UploadAsync(cli, "v2");
        await DeployToEndAsync(cli, agent, good);
        agent.Outcome = ticket => !(ticket.Revision == bad && ticket.LifecycleEvent == "ValidateService");
        var failed = await DeployToEndAsync(cli, agent, bad);
        var rollbackId = await Eventually.Until(async () => (await InfoAsync(cli, failed))["rollbackInfo"]?["rollbackDeploymentId"]?.GetValue<string>(),
            r => r is not null, Timeout, "rollback linked");
        await agent.RunUntilAsync(async () => await InfoAsync(cli, rollbackId!) is var i && i["status"]!.GetValue<string>() is "Succeeded" or "Failed", Timeout);

        var text = cli.Run("deployment", "explain", failed);
        var json = cli.Json("deployment", "explain", failed);
        var back = cli.Run("deployment", "explain", rollbackId!);

        Assert.True(text.ExitCode == 0, text.Stderr);
        Assert.Equal($"Deployment {failed} is Failed.", text.Lines[0]);
        Assert.Contains(text.Lines, l => l.StartsWith("Error HEALTH_CONSTRAINTS: ", StringComparison.Ordinal));
        Assert.Contains(text.Lines, l => l == "  i-1  ValidateService failed: ScriptFailed scripts/check.sh: exit code 1");
        Assert.Contains(text.Lines, l => l == "    | check failed");
        Assert.Contains(text.Lines, l => l.StartsWith($"Rolled back by {rollbackId} (Succeeded): rolling back to {good}", StringComparison.Ordinal));
        Assert.Equal("HEALTH_CONSTRAINTS", json["errorCode"]!.GetValue<string>());
        Assert.Equal(2, json["failedInstances"]!.AsArray().Count);
        Assert.Equal(rollbackId, json["rollbackDeploymentId"]!.GetValue<string>());
        Assert.Contains($"This deployment rolls back {failed}.", back.Lines);
    }

    [Fact]
    public async Task Rollback_GroupWhoseLastDeploymentSucceeded_CreatesARollbackOfThePreviousRevision_AndRefusesWhenNothingIsLeft()
    {
        await using var cli = await ServerCli.StartAsync();
        var agent = await FleetAsync(cli, autoRollback: false);
        var first = await UploadAsync(cli, "v1");
        var nothing = cli.Run("rollback", "--app", "web", "--group", "prod");
        await DeployToEndAsync(cli, agent, first);
        var onlyOne = cli.Run("rollback", "--app", "web", "--group", "prod");
        var second = await DeployToEndAsync(cli, agent, await UploadAsync(cli, "v2"));

        var answer = cli.Json("rollback", "--app", "web", "--group", "prod");
        var rollbackId = answer["rollbackDeploymentId"]!.GetValue<string>();
        await agent.RunUntilAsync(async () => (await InfoAsync(cli, rollbackId))["status"]!.GetValue<string>() is "Succeeded" or "Failed", Timeout);
        var rollback = await InfoAsync(cli, rollbackId);
        var running = cli.Run("deployment", "rollback", rollbackId);

        Assert.Equal(1, nothing.ExitCode);
        Assert.StartsWith("greenlight rollback: DeploymentDoesNotExistException: ", nothing.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, onlyOne.ExitCode);
        Assert.Contains("RollbackNotPossibleException", onlyOne.Stderr, StringComparison.Ordinal);
        Assert.Contains("nothing to roll back to", onlyOne.Stderr, StringComparison.Ordinal);
        Assert.Equal(second, answer["rolledBackDeploymentId"]!.GetValue<string>());
        Assert.Equal("Succeeded", rollback["status"]!.GetValue<string>());
        Assert.Equal(first, rollback["revision"]!["bundle"]!["sha256"]!.GetValue<string>());
        Assert.Equal(1, running.ExitCode);
        Assert.Contains("DeploymentAlreadyCompletedException", running.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeploymentRollback_RunningDeployment_StopsItAndStartsTheRollback()
    {
        await using var cli = await ServerCli.StartAsync();
        var agent = await FleetAsync(cli, autoRollback: false);
        var first = await UploadAsync(cli, "v1");
        await DeployToEndAsync(cli, agent, first);
        var (_, created) = await Deploy(cli, await UploadAsync(cli, "v2"));
        var running = created!["deploymentId"]!.GetValue<string>();
        await agent.StepAsync();

        var result = cli.Run("deployment", "rollback", running);
        var info = await InfoAsync(cli, running);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.StartsWith($"{running}: Stopped; rolling back to {first}", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("MANUAL_STOP", info["errorInformation"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Deploy_AutoRollbackOffAndNoAlarms_OverrideTheGroupForThatDeploymentOnly()
    {
        await using var cli = await ServerCli.StartAsync();
        await FleetAsync(cli, autoRollback: true);
        var update = cli.Run("group", "update", "--app", "web", "prod", "--watch-seconds", "45");
        using var bundle = new TempDirectory("gl-bundle");
        File.WriteAllText(Path.Combine(bundle.Path, "appspec.yml"), "version: 0.0\nos: linux\n");

        var created = cli.Json("deploy", "--app", "web", "--group", "prod", "--bundle", bundle.Path, "--auto-rollback", "off", "--no-alarms");
        var id = created["deploymentId"]!.GetValue<string>();
        var info = await InfoAsync(cli, id);
        var spec = Engine.Running.EngineJson.ReadState((await cli.Server.Store.GetDeploymentAsync(id, CancellationToken.None))!.StateJson).Spec;
        var group = (await cli.Server.Admin.GetAsync("/api/v1/applications/web/deployment-groups/prod")).Body!["deploymentGroupInfo"]!;

        Assert.True(update.ExitCode == 0, update.Stderr);
        Assert.Equal(45, group["watchSeconds"]!.GetValue<int>());
        Assert.True(group["autoRollbackConfiguration"]!["enabled"]!.GetValue<bool>());
        Assert.False(info["autoRollbackConfiguration"]!["enabled"]!.GetValue<bool>());
        Assert.False(spec.Alarms.Enabled);
        Assert.Equal(TimeSpan.FromSeconds(45), spec.WatchWindow);
    }

    [Fact]
    public async Task Explain_StoppedByAnAlarmInTheWatchWindow_PrintsTheAlarmAndItsReason()
    {
        await using var cli = await ServerCli.StartAsync();
        var agent = await FleetAsync(cli, autoRollback: false);
        Assert.Equal(201, (await cli.Server.Admin.PostAsync("/api/v1/alarms", new { alarmName = "errors", metric = new { source = "external" } })).Status);
        var (updated, body) = await cli.Server.Admin.PutAsync("/api/v1/applications/web/deployment-groups/prod", new
        {
            watchSeconds = 600, alarmConfiguration = new { enabled = true, alarms = new[] { new { name = "errors" } } },
        });
        Assert.True(updated == 200, body?.ToJsonString());
        var (_, created) = await Deploy(cli, await UploadAsync(cli, "v1"));
        var id = created!["deploymentId"]!.GetValue<string>();
        await agent.RunUntilAsync(async () => (await InfoAsync(cli, id))["status"]!.GetValue<string>() == "Baking", Timeout);
        await cli.Server.Admin.PutAsync("/api/v1/alarms/errors/state", new { stateValue = "ALARM", stateReason = "5xx rate 12 % > 5 % in 2 of 3 periods" });
        await Eventually.Until(() => InfoAsync(cli, id), i => i["status"]!.GetValue<string>() == "Stopped", Timeout, "the alarm stopped the deployment");

        var text = cli.Run("deployment", "explain", id);
        var json = cli.Json("deployment", "explain", id);

        Assert.True(text.ExitCode == 0, text.Stderr);
        Assert.Equal($"Deployment {id} is Stopped.", text.Lines[0]);
        Assert.StartsWith("Stopped by an alarm: alarm errors in ALARM since ", text.Lines[1], StringComparison.Ordinal);
        Assert.Contains("5xx rate 12 % > 5 % in 2 of 3 periods", text.Lines[1], StringComparison.Ordinal);
        Assert.Equal("ALARM_ACTIVE", json["errorCode"]!.GetValue<string>());
        Assert.Contains("5xx rate 12 %", json["alarm"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static async Task<ScriptedAgent> FleetAsync(ServerCli cli, bool autoRollback)
    {
        var admin = cli.Server.Admin;
        await admin.PostAsync("/api/v1/applications", new { applicationName = "web" });
        var (status, body) = await admin.PostAsync("/api/v1/applications/web/deployment-groups", new
        {
            deploymentGroupName = "prod",
            deploymentConfigName = "CodeDeployDefault.AllAtOnce",
            onPremisesInstanceTagFilters = new[] { new { Key = "role", Value = "web", Type = "KEY_AND_VALUE" } },
            autoRollbackConfiguration = new { enabled = autoRollback, events = new[] { "DEPLOYMENT_FAILURE" } },
        });
        Assert.True(status == 201, body?.ToJsonString());
        foreach (var name in new[] { "i-1", "i-2" })
        {
            await admin.PutAsync($"/api/v1/instances/{name}", new { tags = new[] { new { Key = "role", Value = "web" } } });
        }

        return new ScriptedAgent(admin, ["i-1", "i-2"]);
    }

    private static async Task<string> UploadAsync(ServerCli cli, string version)
    {
        using var content = new ByteArrayContent(TestBundles.Zip(version));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        using var response = await cli.Server.Admin.Http.PostAsync("api/v1/applications/web/revisions?bundleType=zip", content);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["revisionLocation"]!["bundle"]!["sha256"]!.GetValue<string>();
    }

    private static Task<(int Status, JsonNode? Body)> Deploy(ServerCli cli, string sha) => cli.Server.Admin.PostAsync("/api/v1/deployments", new
    {
        applicationName = "web", deploymentGroupName = "prod", revision = new { revisionType = "Bundle", bundle = new { sha256 = sha, bundleType = "zip" } },
    });

    private static async Task<string> DeployToEndAsync(ServerCli cli, ScriptedAgent agent, string sha)
    {
        var (status, body) = await Deploy(cli, sha);
        Assert.True(status == 201, body?.ToJsonString());
        var id = body!["deploymentId"]!.GetValue<string>();
        await agent.RunUntilAsync(async () => (await InfoAsync(cli, id))["status"]!.GetValue<string>() is "Succeeded" or "Failed" or "Stopped", Timeout);
        return id;
    }

    private static async Task<JsonNode> InfoAsync(ServerCli cli, string id) =>
        (await cli.Server.Admin.GetAsync($"/api/v1/deployments/{id}")).Body!["deploymentInfo"]!;
}
