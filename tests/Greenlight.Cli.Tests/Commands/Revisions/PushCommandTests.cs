using System.Text.RegularExpressions;
using Greenlight.Testing;

namespace Greenlight.Cli.Tests.Commands.Revisions;

/// <summary><c>greenlight push</c> against a real server: the sha256 and deploy command, idempotence, and the exit codes of bad input.</summary>
public sealed partial class PushCommandTests
{
    [Fact]
    public async Task Push_SameDirectoryTwice_PrintsTheSameSha256AndTheCommandToDeployIt()
    {
        await using var cli = await ServerCli.StartAsync();
        Assert.Equal(0, cli.Run("application", "create", "web").ExitCode);
        using var bundle = new TempDirectory("gl-push");
        WriteBundle(bundle.Path);

        var first = cli.Run("push", bundle.Path, "--app", "web", "--description", "v1");
        var second = cli.Run("push", bundle.Path, "--app", "web");
        var list = cli.Json("revision", "list", "--app", "web");

        Assert.True(first.ExitCode == 0, first.Stdout + first.Stderr);
        Assert.True(second.ExitCode == 0, second.Stdout + second.Stderr);
        var sha = Sha().Match(first.Stdout).Value;
        Assert.Matches("^Pushed revision [0-9a-f]{64} to application web \\([0-9]+ bytes\\)$", first.Lines[0]);
        Assert.Equal($"  greenlight deploy --app web --group GROUP --revision {sha}", first.Line("  greenlight deploy"));
        Assert.Equal(sha, Sha().Match(second.Stdout).Value);
        Assert.Equal([sha], list["revisions"]!.AsArray().Select(r => r!["revisionLocation"]!["bundle"]!["sha256"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Push_ApplicationWithOneGroup_NamesItInTheDeployCommand()
    {
        await using var cli = await ServerCli.StartAsync();
        Assert.Equal(0, cli.Run("application", "create", "web").ExitCode);
        Assert.Equal(0, cli.Run("group", "create", "--app", "web", "prod", "--tag-filter", "role=web").ExitCode);
        using var bundle = new TempDirectory("gl-push");
        WriteBundle(bundle.Path);

        var result = cli.Run("push", bundle.Path, "--app", "web");

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Equal($"  greenlight deploy --app web --group prod --revision {Sha().Match(result.Stdout).Value}", result.Line("  greenlight deploy"));
    }

    [Fact]
    public async Task Push_BrokenAppSpec_NamesTheFileAndLineExitsTwoAndUploadsNothing()
    {
        await using var cli = await ServerCli.StartAsync();
        Assert.Equal(0, cli.Run("application", "create", "web").ExitCode);
        using var bundle = new TempDirectory("gl-push");
        WriteBundle(bundle.Path);
        File.WriteAllText(Path.Combine(bundle.Path, "appspec.yml"), "version: 0.0\nos: linux\nhooks:\n  ValidateService:\n    - location: scripts/missing.sh\n");

        var result = cli.Run("push", bundle.Path, "--app", "web");
        var list = cli.Json("revision", "list", "--app", "web");

        Assert.Equal(2, result.ExitCode);
        Assert.Matches(@"appspec\.yml:5:17: error ScriptMissing: Script 'scripts/missing.sh'", result.Stderr);
        Assert.Contains("is not a valid bundle (1 error above)", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
        Assert.Empty(list["revisions"]!.AsArray());
    }

    [Fact]
    public async Task Push_UnknownApplication_ExitsOneNamingIt()
    {
        await using var cli = await ServerCli.StartAsync();
        using var bundle = new TempDirectory("gl-push");
        WriteBundle(bundle.Path);

        var result = cli.Run("push", bundle.Path, "--app", "nope");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: application 'nope' does not exist (ApplicationDoesNotExistException)\n", result.Stderr);
    }

    [Theory]
    [InlineData(new[] { "push", "/no/such/dir", "--app", "web" }, "error: '/no/such/dir' does not exist: give a bundle directory")]
    [InlineData(new[] { "push", "." }, "error: Option '--app' is required.")]
    public async Task Push_BadInput_ExitsTwo(string[] args, string expected)
    {
        await using var cli = await ServerCli.StartAsync();

        var result = cli.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(expected, result.Stderr, StringComparison.Ordinal);
    }

    internal static void WriteBundle(string directory)
    {
        Directory.CreateDirectory(Path.Combine(directory, "scripts"));
        File.WriteAllText(Path.Combine(directory, "appspec.yml"), "version: 0.0\nos: linux\nhooks:\n  ValidateService:\n    - location: scripts/validate.sh\n");
        File.WriteAllText(Path.Combine(directory, "scripts", "validate.sh"), "#!/bin/bash\nexit 0\n");
    }

    [GeneratedRegex("[0-9a-f]{64}")]
    private static partial Regex Sha();
}
