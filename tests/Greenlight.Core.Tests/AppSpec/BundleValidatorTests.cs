using Greenlight.Core.AppSpec;
using static Greenlight.Core.Tests.AppSpec.AppSpecAssert;

namespace Greenlight.Core.Tests.AppSpec;

/// <summary>Bundle checks on an abstract listing: where the appspec is, and that references exist.</summary>
public sealed class BundleValidatorTests
{
    private const string AppSpec =
        "version: 0.0\nos: linux\nfiles:\n  - source: app\n    destination: /opt/web\nhooks:\n  ApplicationStart:\n    - location: scripts/start.sh\n";

    [Theory]
    [InlineData("appspec.yml", "appspec.yml|app/index.html|scripts/start.sh")]
    [InlineData("appspec.yaml", "appspec.yaml|app/index.html|scripts/start.sh")]
    [InlineData("appspec.yml", "appspec.yml|appspec.yaml|app/index.html|scripts/start.sh")]
    [InlineData("myapp/appspec.yml", "myapp/|myapp/appspec.yml|myapp/app/index.html|myapp/scripts/start.sh")]
    [InlineData("myapp/appspec.yaml", "./myapp/appspec.yaml|./myapp/app/index.html|./myapp/scripts/start.sh")]
    public void Validate_AppSpecLocation_FoundAndReferencesResolve(string expected, string listing)
    {
        var result = BundleValidator.Validate(listing.Split('|'), _ => AppSpec);

        Assert.Equal(expected, result.AppSpecPath);
        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.Document);
    }

    [Theory]
    [InlineData("", "AppSpecMissing@1:1")]
    [InlineData("app/index.html|scripts/start.sh", "AppSpecMissing@1:1")]
    [InlineData("a/appspec.yml|b/x", "AppSpecMissing@1:1")]
    [InlineData("deep/er/appspec.yml", "AppSpecMissing@1:1")]
    [InlineData("appspec.yml|app/index.html", "ScriptMissing@8:17")]
    [InlineData("appspec.yml|scripts/start.sh", "SourceMissing@4:13")]
    [InlineData("appspec.yml|app/|scripts/start.sh/", "ScriptMissing@8:17")]
    [InlineData("appspec.yml|app/x|scripts/start.sh/|scripts/start.sh/x", "ScriptMissing@8:17")]
    public void Validate_BrokenBundle_Errors(string listing, params string[] codes)
    {
        var entries = listing.Length == 0 ? [] : listing.Split('|');
        var result = BundleValidator.Validate(entries, _ => AppSpec);

        Verdict(Invalid, result.Diagnostics);
        Codes(codes, result.Diagnostics);
        Assert.Null(result.Document);
    }

    [Fact]
    public void Validate_TwoMappingsOntoOneFile_DuplicateDestination()
    {
        const string text = "version: 0.0\nos: linux\nfiles:\n  - source: a\n    destination: /opt\n  - source: b\n    destination: /opt\n";

        var result = BundleValidator.Validate(["appspec.yml", "a/index.html", "b/index.html", "b/other.html"], _ => text);

        Codes(["DuplicateDestination@6:13"], result.Diagnostics);
    }

    [Fact]
    public void Validate_SameFileNameIntoOneFolder_DuplicateDestination()
    {
        const string text = "version: 0.0\nos: linux\nfiles:\n  - source: a/app.jar\n    destination: /opt\n  - source: b/app.jar\n    destination: /opt\n";

        var result = BundleValidator.Validate(["appspec.yml", "a/app.jar", "b/app.jar"], _ => text);

        Codes(["DuplicateDestination@6:13"], result.Diagnostics);
    }

    [Fact]
    public void Validate_SameMappingTwice_ReportedOnce()
    {
        const string text = "version: 0.0\nos: linux\nfiles:\n  - source: a\n    destination: /opt\n  - source: a\n    destination: /opt\n";

        var result = BundleValidator.Validate(["appspec.yml", "a/index.html"], _ => text);

        Codes(["DuplicateDestination@6:13"], result.Diagnostics);
    }

    [Fact]
    public void Validate_DisjointFoldersIntoOneDestination_Valid()
    {
        const string text = "version: 0.0\nos: linux\nfiles:\n  - source: a\n    destination: /opt\n  - source: b\n    destination: /opt\n";

        var result = BundleValidator.Validate(["appspec.yml", "a/index.html", "b/other.html"], _ => text);

        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Validate_InvalidAppSpec_StillChecksReferences()
    {
        var result = BundleValidator.Validate(["appspec.yml"], _ => AppSpec.Replace("version: 0.0", "version: 1.0", StringComparison.Ordinal));

        Codes(["InvalidVersion@1:10", "SourceMissing@4:13", "ScriptMissing@8:17"], result.Diagnostics);
    }

    [Fact]
    public void Validate_WholeBundleSource_NeedsNoEntry()
    {
        const string text = "version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: /opt\n";

        Assert.Empty(BundleValidator.Validate(["appspec.yml"], _ => text).Diagnostics);
    }
}
