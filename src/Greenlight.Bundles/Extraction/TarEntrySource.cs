using System.Formats.Tar;
using System.IO.Compression;

namespace Greenlight.Bundles.Extraction;

/// <summary>Tar (optionally gzip-compressed) entries, streamed: an entry's data is readable only until the next call.</summary>
internal sealed class TarEntrySource : EntrySource
{
    private readonly FileStream _file;
    private readonly GZipStream? _gzip;
    private readonly TarReader _reader;
    private TarEntry? _current;

    public TarEntrySource(string path, bool gzip)
    {
        _file = File.OpenRead(path);
        _gzip = gzip ? new GZipStream(_file, CompressionMode.Decompress) : null;
        _reader = new TarReader((Stream?)_gzip ?? _file);
    }

    public override async ValueTask<ArchiveEntry?> NextAsync(CancellationToken cancellationToken)
    {
        _current = await _reader.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false);
        if (_current is not { } entry)
        {
            return null;
        }

        var kind = entry.EntryType switch
        {
            TarEntryType.Directory => EntryKind.Directory,
            TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile => EntryKind.File,
            TarEntryType.SymbolicLink => EntryKind.Symlink,
            TarEntryType.HardLink => EntryKind.Hardlink,
            TarEntryType.GlobalExtendedAttributes => EntryKind.Metadata,
            _ => EntryKind.Unsupported,
        };
        var linkName = kind switch
        {
            EntryKind.Symlink or EntryKind.Hardlink => entry.LinkName,
            EntryKind.Unsupported => Describe(entry.EntryType),
            _ => null,
        };
        var size = kind == EntryKind.File ? entry.Length : 0;
        return new ArchiveEntry(entry.Name, kind, (int)entry.Mode, size, -1, linkName);
    }

    public override Stream OpenData() => _current?.DataStream ?? Stream.Null;

    public override async ValueTask DisposeAsync()
    {
        await _reader.DisposeAsync().ConfigureAwait(false);
        if (_gzip is not null)
        {
            await _gzip.DisposeAsync().ConfigureAwait(false);
        }

        await _file.DisposeAsync().ConfigureAwait(false);
    }

    private static string Describe(TarEntryType type) => type switch
    {
        TarEntryType.CharacterDevice => "a character device",
        TarEntryType.BlockDevice => "a block device",
        TarEntryType.Fifo => "a FIFO",
        _ => $"a tar entry of type {type}",
    };
}
