using System.Collections.Immutable;

namespace Greenlight.Core.AppSpec;

/// <summary>
/// The verdict on a whole bundle. <see cref="AppSpecPath"/> is the appspec's entry path (null when there is
/// none); <see cref="Diagnostics"/> holds the appspec's own findings plus the bundle checks, positioned in
/// the appspec (AppSpecMissing is at 1:1).
/// </summary>
public sealed record BundleValidationResult(
    string? AppSpecPath,
    AppSpecDocument? Document,
    ImmutableArray<AppSpecDiagnostic> Diagnostics)
{
    public bool IsValid => !Diagnostics.Any(d => d.IsError);

    public int ErrorCount => Diagnostics.Count(d => d.IsError);

    public int WarningCount => Diagnostics.Count(d => !d.IsError);
}
