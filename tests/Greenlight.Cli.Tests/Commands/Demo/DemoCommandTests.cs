namespace Greenlight.Cli.Tests.Commands.Demo;

/// <summary><c>greenlight demo</c>'s usage errors: one line naming the fix, exit 2, before anything starts.</summary>
public sealed class DemoCommandTests
{
    [Fact]
    public void Demo_BundlesDirectoryWithoutTheBundles_SaysToRunTheScriptAndExitsTwo()
    {
        var empty = Directory.CreateTempSubdirectory("gl-demo").FullName;
        try
        {
            var result = CliRunner.Run("demo", "--bundles", empty);

            Assert.Equal(2, result.ExitCode);
            Assert.StartsWith("error: --bundles ", result.Stderr, StringComparison.Ordinal);
            Assert.Contains("./eng/sample-app.sh", result.Stderr, StringComparison.Ordinal);
            Assert.Single(result.Stderr.TrimEnd().Split('\n'));
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    [Fact]
    public void Demo_ServerWithoutTokenFile_SaysTheyGoTogetherAndExitsTwo()
    {
        using var dir = new Greenlight.Testing.TempDirectory("gl-demo");
        foreach (var name in new[] { "v1", "v2", "v3-5xx" })
        {
            Directory.CreateDirectory(dir.Combine(name));
            File.WriteAllText(dir.Combine(name, "appspec.yml"), "version: 0.0\nos: linux\n");
        }

        var result = CliRunner.Run("demo", "--bundles", dir.Path, "--server", "http://127.0.0.1:1");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: --server and --token-file go together: the demo needs an admin token of the server it uses (or neither, to start its own)\n", result.Stderr);
    }

    [Fact]
    public void Demo_ServerUnreachable_NamesItAndExitsTwoBeforeAnyStep()
    {
        using var dir = new Greenlight.Testing.TempDirectory("gl-demo");
        foreach (var name in new[] { "v1", "v2", "v3-5xx" })
        {
            Directory.CreateDirectory(dir.Combine(name));
            File.WriteAllText(dir.Combine(name, "appspec.yml"), "version: 0.0\nos: linux\n");
        }

        File.WriteAllText(dir.Combine("admin.token"), "gla_test\n");
        var url = $"http://127.0.0.1:{Greenlight.Testing.LoopbackPort.Free()}";

        var result = CliRunner.Run("demo", "--bundles", dir.Path, "--server", url, "--token-file", dir.Combine("admin.token"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: cannot reach the server at {url}", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("== Creating", result.Stdout, StringComparison.Ordinal);
    }
}
