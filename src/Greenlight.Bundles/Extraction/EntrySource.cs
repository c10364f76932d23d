namespace Greenlight.Bundles.Extraction;

/// <summary>Reads an archive's entries in order; <see cref="OpenData"/> gives the current entry's bytes.</summary>
internal abstract class EntrySource : IAsyncDisposable
{
    /// <summary>Longest symlink target accepted (PATH_MAX).</summary>
    public const int MaxLinkTargetBytes = 4096;

    /// <summary>The number of entries when the archive states it up front (zip's central directory), else null.</summary>
    public virtual int? KnownCount => null;

    public static EntrySource Open(string archivePath, BundleType type) =>
        type == BundleType.Zip ? new ZipEntrySource(archivePath) : new TarEntrySource(archivePath, gzip: type == BundleType.Tgz);

    /// <summary>The next entry, or null at the end. Format errors surface as the BCL's exceptions.</summary>
    public abstract ValueTask<ArchiveEntry?> NextAsync(CancellationToken cancellationToken);

    public abstract Stream OpenData();

    public abstract ValueTask DisposeAsync();
}
