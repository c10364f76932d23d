using System.IO.Compression;
using System.Text;

namespace Greenlight.Testing;

/// <summary>
/// Builds small zip bundles in memory: text entries with a Unix mode, lines ending in \n, and a fixed timestamp, so the
/// same content always gives the same bytes and the same SHA-256.
/// </summary>
public static class ZipBuilder
{
    public const int File644 = 0b110_100_100;
    public const int File755 = 0b111_101_101;

    public static byte[] Build(IEnumerable<(string Name, string Text, int Mode)> entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text, mode) in entries)
            {
                var entry = zip.CreateEntry(name);
                entry.ExternalAttributes = (0x8000 | mode) << 16;
                entry.LastWriteTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var stream = entry.Open();
                var normalized = text.ReplaceLineEndings("\n");
                stream.Write(Encoding.UTF8.GetBytes(normalized.EndsWith('\n') ? normalized : normalized + "\n"));
            }
        }

        return memory.ToArray();
    }
}
