using Greenlight.Testing;

namespace Greenlight.Cli.Tests.Commands.Declarative;

/// <summary>docs/declarative.md shows the sample file the other tests apply, as it is.</summary>
public sealed class DeclarativeDocsTests
{
    [Fact]
    public void Docs_FullExample_IsTheSampleFile()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "declarative.md")).ReplaceLineEndings("\n");
        var sample = File.ReadAllText(DeclarativeFiles.Sample).ReplaceLineEndings("\n");

        Assert.Contains("```yaml\n" + sample + "```\n", doc, StringComparison.Ordinal);
    }
}
