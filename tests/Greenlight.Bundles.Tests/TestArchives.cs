using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Greenlight.Bundles.Tests;

/// <summary>Builds small zip, tar and tgz bundles in memory. A name ending in <c>/</c> is a directory entry.</summary>
internal static class TestArchives
{
    public const string GoodAppSpec =
        "version: 0.0\nos: linux\nfiles:\n  - source: app\n    destination: /opt/web\nhooks:\n  ApplicationStart:\n    - location: scripts/start.sh\n";

    /// <summary>A complete, valid bundle: the appspec, the files it copies and its hook script.</summary>
    public static readonly (string Name, string Text)[] GoodBundle =
        [("appspec.yml", GoodAppSpec), ("app/index.html", "<h1>hi</h1>"), ("scripts/start.sh", "#!/bin/sh\n")];

    public static byte[] Build(BundleType type, params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        if (type == BundleType.Zip)
        {
            WriteZip(buffer, entries);
        }
        else
        {
            WriteTar(buffer, type == BundleType.Tgz, entries);
        }

        return buffer.ToArray();
    }

    public static string Write(string path, BundleType type, params (string Name, string Text)[] entries)
    {
        File.WriteAllBytes(path, Build(type, entries));
        return path;
    }

    private static void WriteZip(Stream output, (string Name, string Text)[] entries)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (name, text) in entries)
        {
            var entry = zip.CreateEntry(name);
            if (!name.EndsWith('/'))
            {
                using var stream = entry.Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }
        }
    }

    private static void WriteTar(Stream output, bool gzip, (string Name, string Text)[] entries)
    {
        using var gzipped = gzip ? new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true) : null;
        using var tar = new TarWriter(gzipped ?? output, leaveOpen: true);
        foreach (var (name, text) in entries)
        {
            tar.WriteEntry(name.EndsWith('/')
                ? new PaxTarEntry(TarEntryType.Directory, name)
                : new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) });
        }
    }
}
