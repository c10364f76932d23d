using Greenlight.Core.AppSpec;

namespace Greenlight.Core.Tests.AppSpec;

/// <summary>Shared helpers: the verdict words of the tables and "Code@line:column" rendering.</summary>
internal static class AppSpecAssert
{
    public const string Valid = "valid";
    public const string Warns = "warns";
    public const string Invalid = "invalid";

    /// <summary>A linux appspec header (lines 1-2) ; the body starts at line 3.</summary>
    public const string Linux = "version: 0.0\nos: linux\n";

    public const string Windows = "version: 0.0\nos: windows\n";

    public static string Render(AppSpecDiagnostic d) => $"{d.Code}@{d.Line}:{d.Column}";

    public static void Verdict(string expected, IReadOnlyCollection<AppSpecDiagnostic> diagnostics)
    {
        var actual = diagnostics.Any(d => d.IsError) ? Invalid : diagnostics.Count > 0 ? Warns : Valid;
        Assert.True(expected == actual, $"expected {expected}, got {actual}: {string.Join("; ", diagnostics.Select(d => $"{Render(d)} {d.Message}"))}");
    }

    public static void Codes(string[] expected, IEnumerable<AppSpecDiagnostic> diagnostics) =>
        Assert.Equal(expected, diagnostics.Select(Render).ToArray());
}
