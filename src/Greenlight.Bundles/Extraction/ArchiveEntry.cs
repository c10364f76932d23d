namespace Greenlight.Bundles.Extraction;

internal enum EntryKind
{
    Directory,
    File,
    Symlink,
    Hardlink,

    /// <summary>Metadata with nothing to write, such as a pax global header (<c>git archive</c> adds one); counted, then skipped.</summary>
    Metadata,

    /// <summary>A device, FIFO, socket or other special entry; <see cref="ArchiveEntry.LinkName"/> names what it is.</summary>
    Unsupported,
}

/// <summary>
/// One archive entry as its header describes it. <see cref="Mode"/> is the header's permission bits, null when the
/// archive carries none (a zip made on Windows). <see cref="CompressedSize"/> is -1 and <see cref="Crc32"/> null outside zip. For links,
/// <see cref="LinkName"/> is the target as the archive spells it; for unsupported entries, a description of the type.
/// </summary>
internal sealed record ArchiveEntry(string Name, EntryKind Kind, int? Mode, long DeclaredSize, long CompressedSize, string? LinkName)
{
    public uint? Crc32 { get; init; }
}
