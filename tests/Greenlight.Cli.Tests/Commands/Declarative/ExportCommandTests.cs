using System.Text.Json.Nodes;
using Greenlight.Testing;

namespace Greenlight.Cli.Tests.Commands.Declarative;

/// <summary><c>greenlight export</c>: the round trip through apply, to the same server (all unchanged) and to a fresh one (the same resources).</summary>
public sealed class ExportCommandTests
{
    [Fact]
    public async Task Export_ResourcesMadeByVerbs_RoundTripsThroughApply()
    {
        await using var cli = await ServerCli.StartAsync();
        await using var fresh = await ServerCli.StartAsync();
        using var files = new DeclarativeFiles();
        var bootstrap = files.Write("bootstrap.sh", "#!/bin/bash\necho 'ready: yes'\n");
        foreach (var verb in new[]
        {
            new[] { "application", "create", "web" },
            ["config", "create", "TwoAtATime", "--min-healthy", "HOST_COUNT:2"],
            ["launch-template", "create", "web", "--tag", "role=web", "--bootstrap", bootstrap, "--poll-wait", "2s", "--description", "first"],
            ["tg", "create", "web", "--port", "18080"],
            ["load-balancer", "create", "web-lb", "--listener", "http://127.0.0.1:0=web"],
            ["alarm", "create", "pager", "--source", "external", "--alert-name", "HighErrorRate"],
            ["asg", "create", "web-asg", "--launch-template", "web", "--min", "0", "--max", "3", "--desired", "0", "--hook", "warmup:launch:5m:CONTINUE", "--tag", "team=web"],
            ["group", "create", "--app", "web", "prod", "--asg", "web-asg", "--config", "TwoAtATime", "--alarm", "pager"],
        })
        {
            var made = cli.Run(verb);
            Assert.True(made.ExitCode == 0, string.Join(' ', verb) + ": " + made.Stderr);
        }

        var exported = cli.Run("export");
        var file = files.Write("export.yaml", exported.Stdout);
        var same = cli.Run("apply", "-f", file);
        var onFresh = fresh.Run("apply", "-f", file);
        var freshExport = fresh.Run("export");

        Assert.True(exported.ExitCode == 0, exported.Stderr);
        Assert.Contains("bootstrapScript: |", exported.Stdout, StringComparison.Ordinal);
        Assert.True(same.ExitCode == 0, same.Stderr);
        Assert.Equal(8, same.Lines.Count(l => l.EndsWith(": unchanged", StringComparison.Ordinal)));
        Assert.DoesNotContain("created", same.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("updated", same.Stdout, StringComparison.Ordinal);
        Assert.True(onFresh.ExitCode == 0, onFresh.Stderr);
        Assert.Equal(8, onFresh.Lines.Count(l => l.EndsWith(": created", StringComparison.Ordinal)));
        Assert.Equal(exported.Stdout, freshExport.Stdout);
    }

    [Fact]
    public async Task Export_App_OnlyThatApplicationAndWhatItUses()
    {
        await using var cli = await ServerCli.StartAsync();
        Assert.Equal(0, cli.Run("apply", "-f", DeclarativeFiles.Sample).ExitCode);
        Assert.Equal(0, cli.Run("application", "create", "other").ExitCode);
        Assert.Equal(0, cli.Run("alarm", "create", "unused", "--source", "external").ExitCode);

        var json = cli.Json("export", "--app", "web").AsArray();
        var missing = cli.Run("export", "--app", "nope");

        var titles = json.Select(d => $"{d!["kind"]} {d["name"]}").ToList();
        Assert.Equal(["Application web", "DeploymentConfig web-two-at-a-time", "LaunchTemplate web", "TargetGroup web", "LoadBalancer web", "Alarm web-5xx",
            "AutoScalingGroup web", "DeploymentGroup prod"], titles);
        Assert.Equal("web", json[^1]!["application"]!.GetValue<string>());
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("ApplicationDoesNotExistException", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_Json_IsAcceptedByApplyAsUnchanged()
    {
        await using var cli = await ServerCli.StartAsync();
        using var files = new DeclarativeFiles();
        Assert.Equal(0, cli.Run("apply", "-f", DeclarativeFiles.Sample).ExitCode);

        var json = cli.Run("export", "-o", "json");
        var file = files.Write("export.json.yaml", json.Stdout);
        var diff = cli.Run("diff", "-f", file);

        Assert.IsType<JsonArray>(JsonNode.Parse(json.Stdout));
        Assert.True(diff.ExitCode == 0, diff.Stdout + diff.Stderr);
    }
}
