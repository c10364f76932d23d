using System.Text.Json.Serialization;
using Greenlight.Core.AppSpec;

namespace Greenlight.Cli.Commands;

/// <summary>The JSON shape of <c>greenlight validate --output json</c> (docs/appspec.md).</summary>
internal sealed record ValidateReport(
    string Path,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Appspec,
    bool Valid,
    int Errors,
    int Warnings,
    IReadOnlyList<ValidateReportDiagnostic> Diagnostics);

/// <summary>One diagnostic in <see cref="ValidateReport"/>; severity is "error" or "warning".</summary>
internal sealed record ValidateReportDiagnostic(string Code, string Severity, string Message, int Line, int Column, string Path)
{
    public static ValidateReportDiagnostic From(AppSpecDiagnostic d) =>
        new(d.Code.ToString(), SeverityWord(d), d.Message, d.Line, d.Column, d.Path);

    public static string SeverityWord(AppSpecDiagnostic d) => d.IsError ? "error" : "warning";
}
