using Greenlight.Core.AppSpec;

namespace Greenlight.Core.Tests.AppSpec;

/// <summary>A user name with a trailing newline is not a plain user name (a regex ending in $ would let it through).</summary>
public sealed class RunAsTrailingNewlineTests
{
    [Theory]
    [InlineData("\"deploy\\n\"", true)]
    [InlineData("deploy", false)]
    public void Parse_RunAsWithTrailingNewline_IsInvalid(string runAs, bool invalid)
    {
        var text = $"version: 0.0\nos: linux\nhooks:\n  ApplicationStart:\n    - location: start.sh\n      runas: {runAs}\n";

        var result = AppSpecParser.Parse(text);

        Assert.Equal(invalid, result.Diagnostics.Any(d => d.Code == AppSpecDiagnosticCode.InvalidRunAs));
    }
}
