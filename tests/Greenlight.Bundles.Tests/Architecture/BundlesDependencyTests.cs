using System.Xml.Linq;

namespace Greenlight.Bundles.Tests.Architecture;

/// <summary>The CLI, the server and the agent all use this library, so it may depend on the core alone.</summary>
public sealed class BundlesDependencyTests
{
    [Fact]
    public void ProjectFile_OfBundles_ReferencesOnlyCoreAndNoPackage()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot(), "src", "Greenlight.Bundles", "Greenlight.Bundles.csproj"));

        Assert.Equal(["../Greenlight.Core/Greenlight.Core.csproj"], project.Descendants("ProjectReference").Select(p => (string?)p.Attribute("Include")));
        Assert.Empty(project.Descendants("PackageReference"));
    }

    [Fact]
    public void ReferencedAssemblies_OfBundles_AreBclAndCoreOnly()
    {
        var offending = typeof(ArchiveBundle).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => !(name is "System" or "netstandard" or "Greenlight.Core" || name.StartsWith("System.", StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(offending);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Greenlight.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Greenlight.slnx above {AppContext.BaseDirectory}");
    }
}
