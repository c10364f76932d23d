using Greenlight.Testing;

namespace Greenlight.Cli.Tests.Commands.Scaling;

/// <summary><c>greenlight launch-template</c> against a real server.</summary>
public sealed class LaunchTemplateCommandTests
{
    [Fact]
    public async Task LaunchTemplate_CreateVersionSetDefaultGetListDelete_RoundTrips()
    {
        await using var cli = await ServerCli.StartAsync();
        using var dir = new TempDirectory("gl-lt");
        var bootstrap = Path.Combine(dir.Path, "bootstrap.sh");
        File.WriteAllText(bootstrap, "#!/bin/bash\necho ready\n");

        var created = cli.Run("launch-template", "create", "web", "--tag", "role=web", "--bootstrap", bootstrap, "--poll-wait", "2s",
            "--runas-allow", "www-data,deploy", "--description", "first");
        var version = cli.Run("launch-template", "create-version", "web", "--poll-wait", "5s", "--description", "slower polls");
        var setDefault = cli.Run("launch-template", "set-default", "web", "2");
        var get = cli.Run("launch-template", "get", "web");
        var template = cli.Json("launch-template", "get", "web")["launchTemplate"]!;
        var list = cli.Run("launch-template", "list");
        var deleted = cli.Run("launch-template", "delete", "web");
        var after = cli.Json("launch-template", "list");

        Assert.Equal(0, created.ExitCode);
        Assert.Matches(@"^Created launch template web \(lt-[0-9a-f]{16}\) version 1\n$", created.Stdout);
        Assert.Equal((0, "Created version 2 of launch template web\n"), (version.ExitCode, version.Stdout));
        Assert.Equal((0, "Launch template web: default version 2\n"), (setDefault.ExitCode, setDefault.Stdout));
        var v2 = template["versions"]![1]!["launchTemplateData"]!;
        Assert.Equal("5s", v2["agent"]!["pollWait"]!.GetValue<string>());
        Assert.Equal(["www-data", "deploy"], v2["agent"]!["runAsAllow"]!.AsArray().Select(u => u!.GetValue<string>()));
        Assert.Equal("#!/bin/bash\necho ready\n", v2["bootstrapScript"]!.GetValue<string>());
        Assert.Equal(2, template["defaultVersionNumber"]!.GetValue<int>());
        Assert.Contains("VERSION  DEFAULT  PROVIDER  TAGS      BOOTSTRAP  POLL WAIT  RUN AS           DESCRIPTION", get.Lines);
        Assert.Contains("1        -        local     role=web  2 lines    2s         www-data,deploy  first", get.Lines);
        Assert.Contains("2        yes      local     role=web  2 lines    5s         www-data,deploy  slower polls", get.Lines);
        Assert.StartsWith("web   lt-", list.Lines[1], StringComparison.Ordinal);
        Assert.Equal((0, "Deleted launch template web\n"), (deleted.ExitCode, deleted.Stdout));
        Assert.Empty(after["launchTemplates"]!.AsArray());
    }

    [Theory]
    [InlineData(new[] { "launch-template", "create", "web", "--poll-wait", "2m" }, "error: --poll-wait '2m' must be a duration up to 1m, e.g. 30s, 5m or 1h30m")]
    [InlineData(new[] { "launch-template", "create", "web", "--poll-wait", "fast" }, "error: --poll-wait 'fast' must be a duration up to 1m, e.g. 30s, 5m or 1h30m")]
    [InlineData(new[] { "launch-template", "create", "web", "--tag", "role" }, "error: --tag 'role' must be KEY=VALUE")]
    [InlineData(new[] { "launch-template", "create", "web", "--provider", "cloud" }, "error: --provider 'cloud' must be local or registered")]
    [InlineData(new[] { "launch-template", "create-version", "web", "--source-version", "newest" }, "error: --source-version 'newest' must be a version number, $Latest or $Default")]
    [InlineData(new[] { "launch-template", "set-default", "web", "latest" }, "error: version 'latest' must be a version number, e.g. 2")]
    [InlineData(new[] { "launch-template", "set-default", "web" }, "error: Required argument missing for command: 'set-default'.")]
    [InlineData(new[] { "launch-template", "get" }, "error: Required argument missing for command: 'get'.")]
    public void LaunchTemplate_BadCommandLine_ExitsTwoNamingTheProblem(string[] args, string expected)
    {
        var result = CliRunner.Run(args);

        Assert.Equal((2, expected), (result.ExitCode, result.Stderr.TrimEnd()));
    }

    [Fact]
    public async Task LaunchTemplateCreate_MissingBootstrapFile_ExitsTwoNamingTheOption()
    {
        await using var cli = await ServerCli.StartAsync();

        var result = cli.Run("launch-template", "create", "web", "--bootstrap", "/nonexistent/boot.sh");

        Assert.Equal((2, "error: --bootstrap '/nonexistent/boot.sh' does not exist\n"), (result.ExitCode, result.Stderr));
    }

    [Fact]
    public async Task LaunchTemplate_ServerRefusals_ExitOneWithItsMessage()
    {
        await using var cli = await ServerCli.StartAsync();
        cli.Run("launch-template", "create", "web");

        var version = cli.Run("launch-template", "set-default", "web", "7");
        var missing = cli.Run("launch-template", "get", "nope");
        var badUser = cli.Run("launch-template", "create-version", "web", "--runas-allow", "Root!");

        Assert.Equal((1, "error: defaultVersion '7' must be an existing version number of 'web' (1-1) (InvalidLaunchTemplateVersionException)\n"), (version.ExitCode, version.Stderr));
        Assert.Equal((1, "error: launch template 'nope' does not exist (LaunchTemplateDoesNotExistException)\n"), (missing.ExitCode, missing.Stderr));
        Assert.Equal((1, "error: launchTemplateData.agent.runAsAllow: 'Root!' is not a user name (InvalidLaunchTemplateDataException)\n"), (badUser.ExitCode, badUser.Stderr));
    }
}
