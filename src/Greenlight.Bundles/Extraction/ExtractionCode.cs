namespace Greenlight.Bundles.Extraction;

/// <summary>Stable outcome codes of <see cref="SafeExtractor.ExtractAsync"/>; callers switch on these, not on messages.</summary>
public enum ExtractionCode
{
    /// <summary>Every entry was written inside the staging directory.</summary>
    Extracted,

    /// <summary>The staging directory already exists and is not an empty directory, or its parent does not exist. It is left as it was.</summary>
    InvalidStaging,

    /// <summary>The file is not a readable archive of the declared type, or an entry's data is corrupt (bad CRC, bad header).</summary>
    InvalidArchive,

    /// <summary>An entry name is absolute, has a drive letter or <c>..</c> segment, a backslash, or a NUL or control character.</summary>
    UnsafePath,

    /// <summary>An entry name is longer than the file system allows (4096 bytes, 255 per segment) or nested deeper than the limit.</summary>
    PathTooLong,

    /// <summary>
    /// A symlink or hardlink target is absolute or resolves outside staging, a symlink chain loops, or an entry
    /// would be written through a symlink.
    /// </summary>
    LinkEscape,

    /// <summary>A hardlink whose target is not a regular file extracted earlier from the same archive.</summary>
    LinkTargetInvalid,

    /// <summary>A device, FIFO, socket, sparse or other special entry.</summary>
    UnsupportedEntryType,

    /// <summary>An entry repeats an earlier file or link, or would replace a directory with a file (or a file with a directory).</summary>
    DuplicateEntry,

    /// <summary>The archive holds more entries than <see cref="ExtractionLimits.MaxEntries"/>.</summary>
    TooManyEntries,

    /// <summary>The entries together hold more than <see cref="ExtractionLimits.MaxTotalBytes"/> (declared or actually written).</summary>
    TotalSizeExceeded,

    /// <summary>One file holds more than <see cref="ExtractionLimits.MaxFileBytes"/> (declared or actually written).</summary>
    FileTooLarge,

    /// <summary>A zip entry expands more than <see cref="ExtractionLimits.MaxCompressionRatio"/> times its compressed size.</summary>
    CompressionRatio,

    /// <summary>
    /// An entry's data disagrees with its header: longer or shorter than declared (a lying size header, a truncated
    /// archive), or, in a zip, not matching the header's CRC-32 (how a size header that understates is caught).
    /// </summary>
    SizeMismatch,

    /// <summary>The file system ran out of space (ENOSPC) or quota (EDQUOT) while writing.</summary>
    DiskFull,

    /// <summary>Any other I/O failure while reading the archive or writing into staging (the message carries the system's reason).</summary>
    IoError,
}
