using System.Collections.Immutable;

namespace Greenlight.Agent.Install;

/// <summary>
/// What Install did. <see cref="Written"/> lists every path it created or copied, in creation order, as
/// host paths (below the instance root when there is one) — also on failure, where it is what the cleanup
/// file holds so the next Install of the group removes it.
/// </summary>
public sealed record InstallResult(ImmutableArray<string> Written, InstallError? Error)
{
    public bool Succeeded => Error is null;

    public static InstallResult Success(ImmutableArray<string> written) => new(written, null);

    public static InstallResult Failure(InstallError error, ImmutableArray<string> written) => new(written, error);
}
