namespace Greenlight.Core.AppSpec;

/// <summary>
/// One finding about an AppSpec.
/// <paramref name="Line"/> and <paramref name="Column"/> are 1-based and point at the offending key or value
/// (for a missing key: at the mapping that lacks it). <paramref name="Path"/> names the field,
/// e.g. <c>hooks.AfterInstall[0].timeout</c>; it is empty for document-level findings.
/// </summary>
public sealed record AppSpecDiagnostic(
    AppSpecDiagnosticCode Code,
    AppSpecSeverity Severity,
    string Message,
    int Line,
    int Column,
    string Path)
{
    public bool IsError => Severity == AppSpecSeverity.Error;
}
