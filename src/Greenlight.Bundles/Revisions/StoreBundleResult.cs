using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Greenlight.Core.AppSpec;

namespace Greenlight.Bundles.Revisions;

/// <summary>
/// The outcome of storing a bundle: a stable <see cref="Code"/>, a message for people, and what was learned.
/// On success <see cref="Bundle"/> is set and <see cref="Diagnostics"/> holds the appspec's warnings. On
/// <see cref="StoreBundleCode.InvalidAppSpec"/> it holds every diagnostic (errors and warnings, ordered by
/// position); <see cref="AppSpecPath"/> is the appspec's entry path inside the archive, null when there is none.
/// </summary>
public sealed record StoreBundleResult(
    StoreBundleCode Code,
    string Message,
    StoredBundle? Bundle,
    string? AppSpecPath,
    ImmutableArray<AppSpecDiagnostic> Diagnostics)
{
    [MemberNotNullWhen(true, nameof(Bundle))]
    public bool IsSuccess => Code == StoreBundleCode.Stored;

    internal static StoreBundleResult Failure(StoreBundleCode code, string message) => new(code, message, null, null, []);
}
