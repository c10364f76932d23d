using Greenlight.Core.AppSpec;

namespace Greenlight.Core.Tests.AppSpec;

/// <summary>docs/appspec.md lists every diagnostic code.</summary>
public sealed class AppSpecDocsTests
{
    public static TheoryData<AppSpecDiagnosticCode> Codes() => [.. Enum.GetValues<AppSpecDiagnosticCode>()];

    [Theory]
    [MemberData(nameof(Codes))]
    public void Docs_DiagnosticCode_IsDocumented(AppSpecDiagnosticCode code)
    {
        var docs = File.ReadAllText(Path.Combine(SampleAppSpecTests.RepoRoot(), "docs", "appspec.md"));

        Assert.Contains($"`{code}`", docs, StringComparison.Ordinal);
    }
}
