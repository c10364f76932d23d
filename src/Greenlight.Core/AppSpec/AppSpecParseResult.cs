using System.Collections.Immutable;

namespace Greenlight.Core.AppSpec;

/// <summary>
/// The outcome of <see cref="AppSpecParser.Parse"/>. <see cref="Document"/> is null exactly when
/// <see cref="Diagnostics"/> holds an error; warnings leave a usable document.
/// </summary>
public sealed record AppSpecParseResult(AppSpecDocument? Document, ImmutableArray<AppSpecDiagnostic> Diagnostics)
{
    public bool IsValid => Document is not null;

    public int ErrorCount => Diagnostics.Count(d => d.IsError);

    public int WarningCount => Diagnostics.Count(d => !d.IsError);

    /// <summary>The best-effort document even when there are errors, for the bundle checks.</summary>
    internal AppSpecDocument? Draft { get; init; }
}
