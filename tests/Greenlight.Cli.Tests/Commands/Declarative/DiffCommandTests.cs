namespace Greenlight.Cli.Tests.Commands.Declarative;

/// <summary><c>greenlight diff</c> against a real server: field-level output, kubectl's exit codes, and input errors with file:line:column.</summary>
public sealed class DiffCommandTests
{
    [Fact]
    public async Task Diff_ChangedFields_PrintsEachFieldAndExitsOne()
    {
        await using var cli = await ServerCli.StartAsync();
        using var files = new DeclarativeFiles();
        Assert.Equal(0, cli.Run("apply", "-f", DeclarativeFiles.Sample).ExitCode);
        var changed = files.Edited("web.yaml", ("    value: 2", "    value: 3"), ("maxSize: 4", "maxSize: 5"), ("events: [DEPLOYMENT_FAILURE, DEPLOYMENT_STOP_ON_ALARM]", "events: [DEPLOYMENT_FAILURE]"));
        files.Write("more.yaml", "kind: Application\nname: api\n");

        var result = cli.Run("diff", "-f", changed, "-f", files.Combine("more.yaml"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("DeploymentConfig web-two-at-a-time: cannot update: a deployment configuration cannot be changed", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  ~ spec.minimumHealthyHosts.value: 2 -> 3\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("AutoScalingGroup web: update\n  ~ spec.maxSize: 4 -> 5\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  ~ spec.autoRollbackConfiguration.events: [\"DEPLOYMENT_FAILURE\",\"DEPLOYMENT_STOP_ON_ALARM\"] -> [\"DEPLOYMENT_FAILURE\"]\n",
            result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Application api: create\n  + created\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Alarm web-5xx: unchanged\n", result.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("1 to create, 2 to update, 5 unchanged, 1 that cannot be updated\n", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(4, cli.Json("asg", "get", "web")["autoScalingGroup"]!["maxSize"]!.GetValue<int>());
    }

    [Fact]
    public async Task Diff_NoDifferences_ExitsZero()
    {
        await using var cli = await ServerCli.StartAsync();
        Assert.Equal(0, cli.Run("apply", "-f", DeclarativeFiles.Sample).ExitCode);

        var result = cli.Run("diff", "-f", DeclarativeFiles.Sample);

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.EndsWith("0 to create, 0 to update, 8 unchanged\n", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kind: Application\nname: a\n---\nkind: DeploymentConfig\nname: c\nspec:\n  minimumHealthyHosts:\n    valeu: 2\n",
        ":8:5: spec.minimumHealthyHosts.valeu: unknown field 'valeu' (known: type, value)")]
    [InlineData("kind: TargetGroup\nname: t\nspec:\n  port: eighty\n", ":4:9: spec.port: 'eighty' is not a whole number")]
    [InlineData("kind: Widget\nname: w\n", ":1:7: kind: unknown kind 'Widget' (one of Application, DeploymentConfig,")]
    [InlineData("kind: Application\nname: a\n  bad: [\n", ":3:6: not valid YAML")]
    [InlineData("kind: DeploymentGroup\nname: g\n", ":1:1: application: missing: a DeploymentGroup names its application")]
    [InlineData("kind: Alarm\nname: a\nspec:\n  alarmName: b\n", ":4:3: spec.alarmName: the name goes in the document's name:, not in spec")]
    [InlineData("kind: Application\nname: a\nlabels: {}\n", ":3:1: unknown field 'labels'")]
    public async Task Diff_BadDocument_ExitsTwoNamingFileLineAndField(string yaml, string expected)
    {
        await using var cli = await ServerCli.StartAsync();
        using var files = new DeclarativeFiles();
        var file = files.Write("bad.yaml", yaml);

        var diff = cli.Run("diff", "-f", file);
        var apply = cli.Run("apply", "-f", file);

        Assert.Equal(2, diff.ExitCode);
        Assert.Equal(2, apply.ExitCode);
        Assert.StartsWith($"error: {file}{expected}", diff.Stderr, StringComparison.Ordinal);
        Assert.Equal(diff.Stderr, apply.Stderr);
        Assert.DoesNotContain("   at ", diff.Stderr, StringComparison.Ordinal);
        Assert.Empty(cli.Json("application", "list")["applications"]!.AsArray());
    }

    [Fact]
    public async Task Diff_NoSuchFileOrUnreachableServer_ExitsTwo()
    {
        using var files = new DeclarativeFiles();
        var file = files.Write("app.yaml", "kind: Application\nname: a\n");

        var missing = CliRunner.Run("diff", "-f", files.Combine("nope.yaml"), "--server", "http://127.0.0.1:9", "--token", "t");
        var unreachable = CliRunner.Run("diff", "-f", file, "--server", "http://127.0.0.1:9", "--token", "t");

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("nope.yaml': no such file or directory", missing.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, unreachable.ExitCode);
        Assert.StartsWith("error: cannot reach", unreachable.Stderr, StringComparison.Ordinal);
    }
}
