using System.Text.Json.Nodes;
using Greenlight.Testing;

namespace Greenlight.Cli.Tests.Commands;

/// <summary>
/// <c>deployment targets</c>, <c>deployment events</c> and the alarm lines of <c>deploy --watch</c>, against a real server
/// with a scripted agent.
/// </summary>
public sealed class DeploymentTargetsCommandsTests
{
    [Fact]
    public async Task TargetsAndEvents_FinishedDeployment_ShowEachInstancesEventsAndTheLog()
    {
        await using var cli = await StartAsync(alarm: null);
        var id = Deploy(cli);
        var agent = new ScriptedAgent(cli.Server.Admin, ["i-1", "i-2"]);
        await agent.RunUntilAsync(async () => (await cli.Server.Admin.GetAsync($"/api/v1/deployments/{id}")).Body?["deploymentInfo"]?["status"]?.GetValue<string>() == "Succeeded",
            TimeSpan.FromMinutes(2));

        var targets = cli.Run("deployment", "targets", id);
        var json = cli.Json("deployment", "targets", id);
        var events = cli.Run("deployment", "events", id, "--limit", "2");

        Assert.True(targets.ExitCode == 0, targets.Stderr);
        Assert.Matches(@"^INSTANCE\s+LABEL\s+STATUS\s+EVENT\s+EVENT STATUS\s+STARTED\s+ENDED\s+DIAGNOSTICS$", targets.Lines[0]);
        Assert.Matches(@"\ni-1\s+-\s+Succeeded\s+ValidateService\s+Succeeded\s", targets.Stdout);
        Assert.Matches(@"\ni-2\s+-\s+Succeeded\s+ValidateService\s+Succeeded\s", targets.Stdout);
        Assert.Equal(2, json["deploymentTargets"]!.AsArray().Count);
        Assert.True(events.ExitCode == 0, events.Stderr);
        Assert.Matches(@"^SEQ\s+TIME\s+TYPE\s+DETAIL$", events.Lines[0]);
        Assert.Equal($"More: greenlight deployment events {id} --after 2", events.Line("More:"));
    }

    [Theory]
    [InlineData("targets")]
    [InlineData("events")]
    public async Task TargetsAndEvents_UnknownDeployment_ExitOneNamingIt(string verb)
    {
        await using var cli = await ServerCli.StartAsync();

        var result = cli.Run("deployment", verb, "d-NOPE12345");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("d-NOPE12345", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("(DeploymentDoesNotExistException)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeploymentWatch_GroupAlarmGoesToAlarm_PrintsTheStateChangeWithItsReason()
    {
        await using var cli = await StartAsync(alarm: "pager");
        Assert.Equal(0, cli.Run("alarm", "set-state", "pager", "OK", "--reason", "all good").ExitCode);
        var id = Deploy(cli);
        using var stdout = new MarkerWriter("alarm pager OK (all good)");
        using var stderr = new StringWriter();

        // No agent answers, so the deployment stays in progress until the alarm stops it; the alarm goes off once the
        // watch has printed its first state.
        var watch = Task.Run(() => Program.Run(["deployment", "watch", id, "--server", cli.Server.Host.Url,
            "--token-file", Path.Combine(cli.Server.DataDirectory, "admin.token")], stdout, stderr));
        await stdout.Seen.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(0, cli.Run("alarm", "set-state", "pager", "ALARM", "--reason", "checkout broken").ExitCode);
        var code = await watch.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, code);
        Assert.Matches($@"\] {id}  alarm pager OK \(all good\)\n(.*\n)*.*\] {id}  alarm pager OK -> ALARM \(checkout broken\)\n", stdout.ToString().ReplaceLineEndings("\n"));
    }

    /// <summary>Captures output and completes <see cref="Seen"/> once <paramref name="marker"/> has been written.</summary>
    private sealed class MarkerWriter(string marker) : StringWriter
    {
        private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Seen => _seen.Task;

        public override void Write(char value)
        {
            base.Write(value);
            Check();
        }

        public override void Write(string? value)
        {
            base.Write(value);
            Check();
        }

        public override void Write(char[] buffer, int index, int count)
        {
            base.Write(buffer, index, count);
            Check();
        }

        private void Check()
        {
            if (!_seen.Task.IsCompleted && GetStringBuilder().ToString().Contains(marker, StringComparison.Ordinal))
            {
                _seen.TrySetResult();
            }
        }
    }

    /// <summary>A server with application web, group prod (AllAtOnce, instances i-1 and i-2), watching <paramref name="alarm"/> when given.</summary>
    private static async Task<ServerCli> StartAsync(string? alarm)
    {
        var cli = await ServerCli.StartAsync();
        var admin = cli.Server.Admin;
        await admin.PostAsync("/api/v1/applications", new { applicationName = "web" });
        if (alarm is not null)
        {
            Assert.Equal(0, cli.Run("alarm", "create", alarm, "--source", "external").ExitCode);
        }

        var (status, body) = await admin.PostAsync("/api/v1/applications/web/deployment-groups", new
        {
            deploymentGroupName = "prod",
            deploymentConfigName = "CodeDeployDefault.AllAtOnce",
            onPremisesInstanceTagFilters = new[] { new { Key = "role", Value = "web", Type = "KEY_AND_VALUE" } },
            alarmConfiguration = alarm is null ? null : new { enabled = true, alarms = new[] { new { name = alarm } } },
        });
        Assert.True(status == 201, body?.ToJsonString());
        foreach (var name in new[] { "i-1", "i-2" })
        {
            await admin.PutAsync($"/api/v1/instances/{name}", new { tags = new[] { new { Key = "role", Value = "web" } } });
        }

        return cli;
    }

    private static string Deploy(ServerCli cli)
    {
        using var bundle = new TempDirectory("gl-targets");
        Revisions.PushCommandTests.WriteBundle(bundle.Path);
        var created = cli.Run("deploy", "--app", "web", "--group", "prod", "--bundle", bundle.Path, "-o", "json");
        Assert.True(created.ExitCode == 0, created.Stderr);
        return JsonNode.Parse(created.Stdout)!["deploymentId"]!.GetValue<string>();
    }
}
