using System.Reflection;
using System.Xml.Linq;
using Greenlight.Core.Lifecycle;

namespace Greenlight.Core.Tests.Architecture;

/// <summary>Greenlight.Core is the pure decision core: it may reference the BCL and the YAML parser, nothing else.</summary>
public sealed class CoreDependencyTests
{
    private static readonly Assembly Core = typeof(LifecycleEvent).Assembly;

    [Fact]
    public void ReferencedAssemblies_OfCore_AreOnlyBclAndYaml()
    {
        var offending = Core.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => !(name is "System" or "netstandard" or "YamlDotNet" || name.StartsWith("System.", StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(offending);
    }

    [Theory]
    [InlineData("System.Net.Http")]
    [InlineData("System.Net.Sockets")]
    [InlineData("System.Diagnostics.Process")]
    [InlineData("Microsoft.Extensions.Logging.Abstractions")]
    [InlineData("Microsoft.Data.Sqlite")]
    public void ReferencedAssemblies_OfCore_ExcludeIoAssembly(string forbidden) =>
        Assert.DoesNotContain(Core.GetReferencedAssemblies(), a => a.Name == forbidden);

    [Fact]
    public void ProjectFile_OfCore_ReferencesOnlyTheYamlPackageAndNoProject()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot.Path, "src", "Greenlight.Core", "Greenlight.Core.csproj"));
        var packages = project.Descendants("PackageReference").Select(p => (string?)p.Attribute("Include")).ToList();
        var projects = project.Descendants("ProjectReference").ToList();

        Assert.Equal(["YamlDotNet"], packages);
        Assert.Empty(projects);
    }

    [Fact]
    public void BannedSymbols_ForCore_CoverClockRandomDelayFileHttpAndEnvironment()
    {
        var banned = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "eng", "analyzers", "BannedSymbols.Core.txt"));

        foreach (var symbol in new[]
                 {
                     "P:System.DateTime.Now", "P:System.DateTime.UtcNow", "P:System.DateTimeOffset.UtcNow",
                     "T:System.Random", "M:System.Threading.Tasks.Task.Delay(System.TimeSpan)",
                     "M:System.Threading.Thread.Sleep(System.Int32)", "T:System.IO.File", "T:System.Net.Http.HttpClient",
                     "M:System.Environment.GetEnvironmentVariable(System.String)",
                 })
        {
            Assert.Contains(symbol + ";", banned, StringComparison.Ordinal);
        }
    }
}
