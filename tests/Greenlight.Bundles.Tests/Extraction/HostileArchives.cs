using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Greenlight.Bundles.Tests.Extraction;

/// <summary>Builds real archives with whatever headers a test wants, hostile ones included.</summary>
internal static class HostileArchives
{
    public const UnixFileMode Mode644 = (UnixFileMode)0b110_100_100;
    public const UnixFileMode Mode755 = (UnixFileMode)0b111_101_101;

    public static PaxTarEntry TarFile(string name, string text, UnixFileMode mode = Mode644) =>
        new(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)), Mode = mode };

    public static PaxTarEntry TarDirectory(string name) => new(TarEntryType.Directory, name) { Mode = Mode755 };

    public static PaxTarEntry TarSymlink(string name, string target) => new(TarEntryType.SymbolicLink, name) { LinkName = target };

    public static PaxTarEntry TarHardlink(string name, string target) => new(TarEntryType.HardLink, name) { LinkName = target };

    public static PaxTarEntry TarSpecial(TarEntryType type, string name) =>
        type is TarEntryType.CharacterDevice or TarEntryType.BlockDevice ? new(type, name) { DeviceMajor = 1, DeviceMinor = 3 } : new(type, name);

    public static byte[] Tar(params TarEntry[] entries) => Tar(gzip: false, entries);

    public static byte[] Tar(bool gzip, params TarEntry[] entries)
    {
        using var buffer = new MemoryStream();
        using (var gzipped = gzip ? new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true) : null)
        using (var tar = new TarWriter(gzipped ?? (Stream)buffer, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                entry.DataStream?.Seek(0, SeekOrigin.Begin); // theory data is reused for tar and tgz
                tar.WriteEntry(entry);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A tar of <paramref name="count"/> empty files named <c>f/0</c>, <c>f/1</c>…, as hand-made ustar headers (fast).</summary>
    public static byte[] ManyEmptyFiles(int count)
    {
        var bytes = new byte[(count + 2) * 512]; // ends with two zero blocks
        var template = new byte[512];
        Encoding.ASCII.GetBytes("0000644\0" + "0000000\0" + "0000000\0" + "00000000000\0" + "00000000000\0").CopyTo(template, 100);
        template[156] = (byte)'0';
        Encoding.ASCII.GetBytes("ustar\0" + "00").CopyTo(template, 257);
        for (var i = 0; i < count; i++)
        {
            var header = bytes.AsSpan(i * 512, 512);
            template.CopyTo(header);
            Encoding.ASCII.GetBytes($"f/{i}").CopyTo(header);
            header[148..156].Fill((byte)' ');
            var sum = 0;
            foreach (var b in header)
            {
                sum += b;
            }

            Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ").CopyTo(header[148..]);
        }

        return bytes;
    }

    /// <summary>A zip entry: name, data, the Unix mode with file type (0 for none) and the compression.</summary>
    public sealed record ZipItem(string Name, byte[] Data, int UnixMode = 0, CompressionLevel Level = CompressionLevel.Optimal)
    {
        public static ZipItem Text(string name, string text, int unixMode = 0) => new(name, Encoding.UTF8.GetBytes(text), unixMode);
    }

    public const int ZipRegular = 0x8000;
    public const int ZipDirectory = 0x4000;
    public const int ZipSymlink = 0xA000;

    public static byte[] Zip(params ZipItem[] items)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var item in items)
            {
                var entry = zip.CreateEntry(item.Name, item.Level);
                entry.ExternalAttributes = item.UnixMode << 16;
                if (!item.Name.EndsWith('/'))
                {
                    using var stream = entry.Open();
                    stream.Write(item.Data);
                }
            }
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Rewrites the uncompressed size of the (only) entry of a zip in its local header and central directory,
    /// rubyzip CVE-2019-16892 style.
    /// </summary>
    public static byte[] WithLyingZipSize(byte[] zip, uint declared)
    {
        var bytes = (byte[])zip.Clone();
        var local = IndexOf(bytes, [0x50, 0x4B, 0x03, 0x04]);
        var central = IndexOf(bytes, [0x50, 0x4B, 0x01, 0x02]);
        BitConverter.TryWriteBytes(bytes.AsSpan(local + 22, 4), declared);
        BitConverter.TryWriteBytes(bytes.AsSpan(central + 24, 4), declared);
        return bytes;
    }

    private static int IndexOf(byte[] bytes, byte[] signature) => bytes.AsSpan().IndexOf(signature);
}
