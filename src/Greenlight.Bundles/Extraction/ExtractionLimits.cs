namespace Greenlight.Bundles.Extraction;

/// <summary>
/// Caps applied while extracting. Each is checked against the headers before anything is written and again
/// against the bytes actually written, so a lying header cannot get past them; disk use stays within the
/// limit plus nothing (the check runs before each buffer is written).
/// </summary>
public sealed record ExtractionLimits
{
    /// <summary>The defaults: 100,000 entries, 4 GiB in all, 4 GiB per file, ratio 200, depth 128.</summary>
    public static ExtractionLimits Default { get; } = new();

    /// <summary>Most entries (files, directories and links) an archive may hold.</summary>
    public int MaxEntries { get; init; } = BundleLimits.MaxEntries;

    /// <summary>Most bytes all files together may hold.</summary>
    public long MaxTotalBytes { get; init; } = 4L * 1024 * 1024 * 1024;

    /// <summary>Most bytes a single file may hold.</summary>
    public long MaxFileBytes { get; init; } = 4L * 1024 * 1024 * 1024;

    /// <summary>
    /// Most a zip entry may expand: uncompressed bytes over compressed bytes. Only checked once an entry passes
    /// <see cref="CompressionRatioGraceBytes"/>, because small text files legitimately compress very well.
    /// </summary>
    public double MaxCompressionRatio { get; init; } = 200;

    /// <summary>Bytes an entry may expand to before <see cref="MaxCompressionRatio"/> applies (default 1 MiB).</summary>
    public long CompressionRatioGraceBytes { get; init; } = 1024 * 1024;

    /// <summary>Most path segments in an entry name (and in a symlink target).</summary>
    public int MaxDepth { get; init; } = 128;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for a limit that could not be meant (zero or negative caps, a NaN ratio).</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxEntries);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxTotalBytes);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxFileBytes);
        ArgumentOutOfRangeException.ThrowIfNegative(CompressionRatioGraceBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxDepth);
        if (!(MaxCompressionRatio >= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxCompressionRatio), MaxCompressionRatio, "A compression ratio limit is at least 1.");
        }
    }
}
