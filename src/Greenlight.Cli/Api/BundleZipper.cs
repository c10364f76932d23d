using System.IO.Compression;

namespace Greenlight.Cli.Api;

/// <summary>Zips a bundle directory for upload: every file with its Unix mode (hook scripts keep their execute bit), in name order.</summary>
public static class BundleZipper
{
    public static byte[] Zip(string directory)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var path in Directory.EnumerateFiles(directory, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
                         .Order(StringComparer.Ordinal))
            {
                var entry = zip.CreateEntry(Path.GetRelativePath(directory, path).Replace('\\', '/'), CompressionLevel.Optimal);
                entry.ExternalAttributes = (0x8000 | (int)File.GetUnixFileMode(path)) << 16;
                entry.LastWriteTime = File.GetLastWriteTimeUtc(path);
                using var target = entry.Open();
                using var source = File.OpenRead(path);
                source.CopyTo(target);
            }
        }

        return memory.ToArray();
    }
}
