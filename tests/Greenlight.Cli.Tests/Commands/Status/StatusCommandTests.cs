using System.Text.Json.Nodes;
using Greenlight.Testing;

namespace Greenlight.Cli.Tests.Commands.Status;

/// <summary><c>greenlight status</c> against a real server: what it lists, --app, and its exit codes.</summary>
public sealed class StatusCommandTests
{
    [Fact]
    public async Task Status_RunningDeploymentAndAlarmInAlarm_ListsBothAndExitsZero()
    {
        await using var cli = await ServerCli.StartAsync();
        var admin = cli.Server.Admin;
        await admin.PostAsync("/api/v1/applications", new { applicationName = "web" });
        await admin.PostAsync("/api/v1/applications", new { applicationName = "api" });
        Assert.Equal(0, cli.Run("alarm", "create", "pager", "--source", "external").ExitCode);
        Assert.Equal(0, cli.Run("alarm", "set-state", "pager", "ALARM", "--reason", "checkout broken").ExitCode);
        await admin.PostAsync("/api/v1/applications/web/deployment-groups", new
        {
            deploymentGroupName = "prod",
            onPremisesInstanceTagFilters = new[] { new { Key = "role", Value = "web", Type = "KEY_AND_VALUE" } },
        });
        await admin.PutAsync("/api/v1/instances/i-1", new { tags = new[] { new { Key = "role", Value = "web" } } });
        using var bundle = new TempDirectory("gl-status");
        Revisions.PushCommandTests.WriteBundle(bundle.Path);
        var created = cli.Run("deploy", "--app", "web", "--group", "prod", "--bundle", bundle.Path, "-o", "json");
        var id = JsonNode.Parse(created.Stdout)!["deploymentId"]!.GetValue<string>();

        var table = cli.Run("status");
        var json = cli.Json("status");
        var other = cli.Json("status", "--app", "api");
        var unknown = cli.Run("status", "--app", "nope");

        Assert.True(table.ExitCode == 0, table.Stderr);
        Assert.Equal("RUNNING", table.Lines[0]);
        Assert.Matches($@"{id}\s+web/prod\s+(Created|Queued|InProgress)\s+0/1 done", table.Stdout);
        Assert.Matches(@"\nFAILING\nWHAT\s+NAME\s+PROBLEM\nalarm\s+pager\s+ALARM since \S+ \S+: checkout broken\n", table.Stdout);
        Assert.EndsWith("WAITING FOR YOU: none\n", table.Stdout, StringComparison.Ordinal);
        Assert.Equal(id, json["running"]![0]!["deploymentId"]!.GetValue<string>());
        Assert.Equal("pager", json["failing"]!["alarms"]![0]!["alarmName"]!.GetValue<string>());
        Assert.Empty(other["running"]!.AsArray());
        Assert.Empty(other["failing"]!["alarms"]!.AsArray());
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("application 'nope' does not exist", unknown.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_DeploymentFailedJustNow_IsListedAsFailingWithTheExplainCommand()
    {
        await using var cli = await ServerCli.StartAsync();
        var admin = cli.Server.Admin;
        await admin.PostAsync("/api/v1/applications", new { applicationName = "web" });
        await admin.PostAsync("/api/v1/applications/web/deployment-groups", new
        {
            deploymentGroupName = "prod",
            onPremisesInstanceTagFilters = new[] { new { Key = "role", Value = "web", Type = "KEY_AND_VALUE" } },
        });
        await admin.PutAsync("/api/v1/instances/i-1", new { tags = new[] { new { Key = "role", Value = "web" } } });
        using var bundle = new TempDirectory("gl-status");
        Revisions.PushCommandTests.WriteBundle(bundle.Path);
        var id = JsonNode.Parse(cli.Run("deploy", "--app", "web", "--group", "prod", "--bundle", bundle.Path, "-o", "json").Stdout)!["deploymentId"]!.GetValue<string>();
        var agent = new ScriptedAgent(admin, ["i-1"]) { Outcome = _ => false };
        await agent.RunUntilAsync(async () => (await admin.GetAsync($"/api/v1/deployments/{id}")).Body?["deploymentInfo"]?["status"]?.GetValue<string>() == "Failed",
            TimeSpan.FromMinutes(2));

        var result = cli.Run("status", "--app", "web");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("RUNNING: none\n", result.Stdout, StringComparison.Ordinal);
        Assert.Matches($@"\ndeployment\s+{id} \(web/prod\)\s+failed at \S+ \S+: .*; see greenlight deployment explain {id}\n", result.Stdout);
    }

    [Fact]
    public void Status_NoServer_ExitsTwoSayingHowToConfigureOne()
    {
        var result = CliRunner.Run("status", "--server", "nope");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: --server 'nope' is not an http(s) URL\n", result.Stderr);
    }
}
