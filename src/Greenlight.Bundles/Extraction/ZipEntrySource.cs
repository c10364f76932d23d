using System.IO.Compression;
using System.Text;

namespace Greenlight.Bundles.Extraction;

/// <summary>
/// Zip entries from the central directory. The Unix mode and file type sit in the high 16 bits of
/// <see cref="ZipArchiveEntry.ExternalAttributes"/>; a symlink's data is its target.
/// </summary>
internal sealed class ZipEntrySource : EntrySource
{
    private const int TypeMask = 0xF000;
    private const int Symlink = 0xA000;
    private const int Directory = 0x4000;
    private const int Regular = 0x8000;

    private readonly ZipArchive _zip;
    private int _index = -1;

    public ZipEntrySource(string path)
    {
        var file = File.OpenRead(path);
        try
        {
            _zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public override int? KnownCount => _zip.Entries.Count;

    public override ValueTask<ArchiveEntry?> NextAsync(CancellationToken cancellationToken)
    {
        if (++_index >= _zip.Entries.Count)
        {
            return ValueTask.FromResult<ArchiveEntry?>(null);
        }

        var entry = _zip.Entries[_index];
        var unix = (entry.ExternalAttributes >> 16) & 0xFFFF;
        int? mode = unix == 0 ? null : unix & 0xFFF;
        var kind = (unix & TypeMask) switch
        {
            0 => entry.FullName.EndsWith('/') ? EntryKind.Directory : EntryKind.File,
            Directory => EntryKind.Directory,
            Regular => entry.FullName.EndsWith('/') ? EntryKind.Directory : EntryKind.File,
            Symlink => EntryKind.Symlink,
            _ => EntryKind.Unsupported,
        };
        var linkName = kind switch
        {
            EntryKind.Symlink => ReadTarget(entry),
            EntryKind.Unsupported => Describe(unix & TypeMask),
            _ => null,
        };
        var size = kind == EntryKind.File ? entry.Length : 0;
        return ValueTask.FromResult<ArchiveEntry?>(new ArchiveEntry(entry.FullName, kind, mode, size, entry.CompressedLength, linkName) { Crc32 = entry.Crc32 });
    }

    public override Stream OpenData() => _zip.Entries[_index].Open();

    public override ValueTask DisposeAsync()
    {
        _zip.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string ReadTarget(ZipArchiveEntry entry)
    {
        using var data = entry.Open();
        var buffer = new byte[MaxLinkTargetBytes + 1];
        var read = data.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (read > MaxLinkTargetBytes)
        {
            throw ExtractionFailure.For(ExtractionCode.PathTooLong, entry.FullName, $"its symlink target is longer than {MaxLinkTargetBytes} bytes.");
        }

        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    private static string Describe(int type) => type switch
    {
        0x1000 => "a FIFO",
        0x2000 => "a character device",
        0x6000 => "a block device",
        0xC000 => "a socket",
        _ => $"an entry of unknown file type 0x{type:X4}",
    };
}
