namespace Greenlight.Bundles.Extraction;

/// <summary>An accepted entry: its header and its normalized path under staging ("" is staging itself).</summary>
internal sealed record PlannedEntry(ArchiveEntry Entry, string Path)
{
    /// <summary>For a hardlink, the normalized path of the file it links to.</summary>
    public string? HardlinkTarget { get; init; }
}
