namespace Greenlight.Bundles.Revisions;

/// <summary>Stable outcome codes of <see cref="RevisionFileStore.StoreAsync"/>; callers switch on these, not on messages.</summary>
public enum StoreBundleCode
{
    /// <summary>The bundle is at its content address (newly written, or already there with the same bytes).</summary>
    Stored,

    /// <summary>The content is larger than the store's limit; reading stopped one byte past it.</summary>
    BundleTooLarge,

    /// <summary>The content's SHA-256 differs from the one the caller expected.</summary>
    Sha256Mismatch,

    /// <summary>The expected SHA-256 given is not 64 hex characters.</summary>
    InvalidSha256,

    /// <summary>The content is not a readable archive of the declared bundle type.</summary>
    InvalidBundle,

    /// <summary>The archive reads, but its appspec is missing or has errors (see the diagnostics).</summary>
    InvalidAppSpec,
}
