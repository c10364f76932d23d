using Greenlight.Cli.Commands.Demo;
using Greenlight.Testing;

namespace Greenlight.Cli.Tests.Commands.Demo;

/// <summary>Where the demo finds the sample bundles: --bundles, else artifacts/sample-web/bundles above the start directories.</summary>
public sealed class BundleFinderTests
{
    [Fact]
    public void Find_BundlesAboveTheStartDirectory_FindsThem()
    {
        using var repo = new TempDirectory("gl-bundles");
        var bundles = MakeBundles(repo.Combine("artifacts", "sample-web", "bundles"));
        var deep = Directory.CreateDirectory(repo.Combine("src", "x", "bin")).FullName;

        var (found, problem) = BundleFinder.Find(null, ["/", deep]);

        Assert.Null(problem);
        Assert.Equal(bundles, found);
    }

    [Fact]
    public void Find_GivenDirectoryWithTheBundles_UsesIt()
    {
        using var dir = new TempDirectory("gl-bundles");
        var bundles = MakeBundles(dir.Combine("mine"));

        var (found, _) = BundleFinder.Find(bundles, []);

        Assert.Equal(bundles, found);
    }

    [Fact]
    public void Find_GivenDirectoryMissingABundle_NamesItAndTheScript()
    {
        using var dir = new TempDirectory("gl-bundles");
        var bundles = MakeBundles(dir.Combine("mine"));
        Directory.Delete(Path.Combine(bundles, "v3-5xx"), recursive: true);

        var (found, problem) = BundleFinder.Find(bundles, []);

        Assert.Null(found);
        Assert.Contains("no v3-5xx folder", problem, StringComparison.Ordinal);
        Assert.Contains("./eng/sample-app.sh", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_NothingAboveTheStartDirectories_SaysToRunTheScript()
    {
        using var dir = new TempDirectory("gl-bundles");

        var (found, problem) = BundleFinder.Find(null, [dir.Path]);

        Assert.Null(found);
        Assert.Contains("run ./eng/sample-app.sh", problem, StringComparison.Ordinal);
        Assert.Contains(dir.Path, problem, StringComparison.Ordinal);
    }

    private static string MakeBundles(string directory)
    {
        foreach (var name in new[] { "v1", "v2", "v3-5xx" })
        {
            Directory.CreateDirectory(Path.Combine(directory, name));
            File.WriteAllText(Path.Combine(directory, name, "appspec.yml"), "version: 0.0\nos: linux\n");
        }

        return directory;
    }
}
