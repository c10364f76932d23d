using System.Diagnostics;

namespace Greenlight.Cli.Tests.Commands.Declarative;

/// <summary><c>greenlight apply</c> against a real server: create, update, unchanged, refusals, dry run, stdin and directories.</summary>
public sealed class ApplyCommandTests
{
    private static readonly string[] SampleTitles =
    [
        "Application web", "DeploymentConfig web-two-at-a-time", "LaunchTemplate web", "TargetGroup web", "LoadBalancer web", "Alarm web-5xx",
        "AutoScalingGroup web", "DeploymentGroup web/prod",
    ];

    [Fact]
    public async Task Apply_SampleFile_CreatesInDependencyOrderThenSecondApplyIsUnchanged()
    {
        await using var cli = await ServerCli.StartAsync();

        var first = cli.Run("apply", "-f", DeclarativeFiles.Sample);
        var exported = cli.Run("export").Stdout;
        var second = cli.Run("apply", "-f", DeclarativeFiles.Sample);
        var group = cli.Json("group", "get", "--app", "web", "prod")["deploymentGroupInfo"]!;

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Equal(SampleTitles.Select(t => $"{t}: created"), first.Stdout.TrimEnd('\n').Split('\n'));
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.Equal(SampleTitles.Select(t => $"{t}: unchanged"), second.Stdout.TrimEnd('\n').Split('\n'));
        Assert.Equal(exported, cli.Run("export").Stdout);
        Assert.Equal("web-two-at-a-time", group["deploymentConfigName"]!.GetValue<string>());
        Assert.Equal("web-5xx", group["alarmConfiguration"]!["alarms"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Apply_ChangedFields_UpdatesThoseAndNamesThem()
    {
        await using var cli = await ServerCli.StartAsync();
        using var files = new DeclarativeFiles();
        Assert.Equal(0, cli.Run("apply", "-f", DeclarativeFiles.Sample).ExitCode);
        var changed = files.Edited("web.yaml", ("pollWait: 2s", "pollWait: 5s"), ("maxSize: 4", "maxSize: 6"), ("threshold: 5", "threshold: 7.5"),
            ("deploymentConfigName: web-two-at-a-time", "deploymentConfigName: CodeDeployDefault.HalfAtATime"), ("path: /health", "path: /ready"));

        var applied = cli.Run("apply", "-f", changed);
        var again = cli.Run("apply", "-f", changed);
        var template = cli.Json("launch-template", "get", "web")["launchTemplate"]!;

        Assert.True(applied.ExitCode == 0, applied.Stderr);
        Assert.Contains("LaunchTemplate web: updated (launchTemplateData.agent.pollWait)\n", applied.Stdout, StringComparison.Ordinal);
        Assert.Contains("TargetGroup web: updated (healthCheck.path)\n", applied.Stdout, StringComparison.Ordinal);
        Assert.Contains("Alarm web-5xx: updated (threshold)\n", applied.Stdout, StringComparison.Ordinal);
        Assert.Contains("AutoScalingGroup web: updated (maxSize)\n", applied.Stdout, StringComparison.Ordinal);
        Assert.Contains("DeploymentGroup web/prod: updated (deploymentConfigName)\n", applied.Stdout, StringComparison.Ordinal);
        Assert.Contains("Application web: unchanged\n", applied.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("updated", again.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, template["defaultVersionNumber"]!.GetValue<int>());
        Assert.Equal("5s", template["versions"]![1]!["launchTemplateData"]!["agent"]!["pollWait"]!.GetValue<string>());
        Assert.Equal(6, cli.Json("asg", "get", "web")["autoScalingGroup"]!["maxSize"]!.GetValue<int>());
        Assert.Equal(7.5, cli.Json("alarm", "get", "web-5xx")["alarm"]!["threshold"]!.GetValue<double>());
    }

    [Fact]
    public async Task Apply_ChangedDeploymentConfig_RefusesBeforeChangingAnything()
    {
        await using var cli = await ServerCli.StartAsync();
        using var files = new DeclarativeFiles();
        Assert.Equal(0, cli.Run("apply", "-f", DeclarativeFiles.Sample).ExitCode);
        var changed = files.Edited("web.yaml", ("    value: 2", "    value: 1"), ("threshold: 5", "threshold: 9"));

        var result = cli.Run("apply", "-f", changed);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"error: DeploymentConfig web-two-at-a-time ({changed}:7): cannot change minimumHealthyHosts.value: a deployment configuration cannot be changed",
            result.Stderr, StringComparison.Ordinal);
        Assert.Contains("nothing was applied", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(5, cli.Json("alarm", "get", "web-5xx")["alarm"]!["threshold"]!.GetValue<double>());
    }

    [Fact]
    public async Task Apply_ServerRefusesADocument_StopsThereNamingItAndWhatWasApplied()
    {
        await using var cli = await ServerCli.StartAsync();
        using var files = new DeclarativeFiles();
        var bad = files.Edited("web.yaml", ("timeoutSeconds: 1", "timeoutSeconds: 3"));

        var result = cli.Run("apply", "-f", bad);
        var balancers = cli.Json("load-balancer", "list")["loadBalancers"]!.AsArray();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"error: TargetGroup web ({bad}:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("InvalidTargetGroupException", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("applied before it: Application web (created), DeploymentConfig web-two-at-a-time (created), LaunchTemplate web (created)",
            result.Stderr, StringComparison.Ordinal);
        Assert.Equal("Application web: created\nDeploymentConfig web-two-at-a-time: created\nLaunchTemplate web: created\n", result.Stdout);
        Assert.Empty(balancers);
    }

    [Fact]
    public async Task Apply_JsonOutput_ListsEachResourceWithItsResultAndChanges()
    {
        await using var cli = await ServerCli.StartAsync();
        using var files = new DeclarativeFiles();
        Assert.Equal(0, cli.Run("apply", "-f", DeclarativeFiles.Sample).ExitCode);
        var changed = files.Edited("web.yaml", ("maxSize: 4", "maxSize: 5"));

        var diff = cli.Run("diff", "-f", changed, "-o", "json");
        var applied = cli.Json("apply", "-f", changed).AsArray();

        Assert.Equal(1, diff.ExitCode);
        var planned = System.Text.Json.Nodes.JsonNode.Parse(diff.Stdout)!.AsArray().Single(d => d!["kind"]!.GetValue<string>() == "AutoScalingGroup")!;
        Assert.Equal("update", planned["action"]!.GetValue<string>());
        Assert.Equal("spec.maxSize", planned["changes"]![0]!["path"]!.GetValue<string>());
        Assert.Equal(4, planned["changes"]![0]!["current"]!.GetValue<int>());
        Assert.Equal(5, planned["changes"]![0]!["desired"]!.GetValue<int>());
        Assert.Equal(["unchanged", "unchanged", "unchanged", "unchanged", "unchanged", "unchanged", "updated", "unchanged"],
            applied.Select(d => d!["action"]!.GetValue<string>()));
        Assert.Equal("prod", applied[^1]!["name"]!.GetValue<string>());
        Assert.Equal("web", applied[^1]!["application"]!.GetValue<string>());
    }

    [Fact]
    public async Task Apply_DryRun_PrintsTheDiffAndChangesNothing()
    {
        await using var cli = await ServerCli.StartAsync();

        var result = cli.Run("apply", "-f", DeclarativeFiles.Sample, "--dry-run");
        var applications = cli.Json("application", "list");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("Application web: create\n  + created\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("8 to create, 0 to update, 0 unchanged", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("web", applications.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_Directory_ReadsEveryYamlFileInIt()
    {
        await using var cli = await ServerCli.StartAsync();
        using var files = new DeclarativeFiles();
        files.Write("a.yaml", "kind: Application\nname: api\n");
        files.Write("b.yml", "kind: DeploymentGroup\nname: prod\napplication: api\nspec:\n  onPremisesInstanceTagFilters:\n    - {key: role, value: api, type: KEY_AND_VALUE}\n");
        files.Write("notes.txt", "not: yaml: at all");

        var result = cli.Run("apply", "-f", files.Directory);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("Application api: created\nDeploymentGroup api/prod: created\n", result.Stdout);
    }

    [Fact]
    public async Task Apply_StdinOfARealProcess_ReadsTheDocuments()
    {
        await using var cli = await ServerCli.StartAsync();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { typeof(Program).Assembly.Location, "apply", "-f", "-", "--server", cli.Server.Host.Url,
            "--token-file", Path.Combine(cli.Server.DataDirectory, "admin.token") })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync("kind: Application\nname: piped\n---\nkind: DeploymentConfig\nname: piped-one\nspec:\n  minimumHealthyHosts: {type: HOST_COUNT, value: 1}\n");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, await stderr);
        Assert.Equal("Application piped: created\nDeploymentConfig piped-one: created\n", (await stdout).ReplaceLineEndings("\n"));
    }
}
