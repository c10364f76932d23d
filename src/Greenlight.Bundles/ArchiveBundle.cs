using System.Formats.Tar;
using System.IO.Compression;
using Greenlight.Core.AppSpec;

namespace Greenlight.Bundles;

/// <summary>
/// A .zip, .tar, .tgz or .tar.gz bundle, read in place: only entry names and the appspec candidates'
/// text (capped) are read; nothing is extracted to disk.
/// </summary>
public static class ArchiveBundle
{
    public static bool IsArchive(string path) =>
        path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tar", StringComparison.OrdinalIgnoreCase) ||
        path.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase);

    public static BundleContents Open(string path)
    {
        try
        {
            var (entries, texts) = path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) ? ReadZip(path) : ReadTar(path);
            return new BundleContents(entries, e => texts.GetValueOrDefault(BundleListing.Normalize(e)), e => $"{path}!{e}");
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new BundleReadException($"'{path}' is not a readable {Path.GetExtension(path).TrimStart('.')} archive: {ex.Message}", ex);
        }
    }

    /// <summary>Entries worth reading: an appspec at the root or one folder down.</summary>
    private static bool IsCandidate(string name)
    {
        var normalized = BundleListing.Normalize(name);
        var file = normalized[(normalized.LastIndexOf('/') + 1)..];
        return AppSpecLocator.FileNames.Contains(file) && normalized.Count(c => c == '/') <= 1;
    }

    private static (List<string>, Dictionary<string, string>) ReadZip(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var entries = new List<string>();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            Add(entries, entry.FullName, path);
            if (!entry.FullName.EndsWith('/') && IsCandidate(entry.FullName))
            {
                using var stream = entry.Open();
                texts[BundleListing.Normalize(entry.FullName)] = CappedText.Read(stream);
            }
        }

        return (entries, texts);
    }

    private static (List<string>, Dictionary<string, string>) ReadTar(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".tar", StringComparison.OrdinalIgnoreCase) ? file : new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(stream);
        var entries = new List<string>();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.EntryType == TarEntryType.Directory)
            {
                Add(entries, entry.Name.TrimEnd('/') + "/", path);
                continue;
            }

            Add(entries, entry.Name, path);
            if (entry.DataStream is { } data && IsCandidate(entry.Name))
            {
                texts[BundleListing.Normalize(entry.Name)] = CappedText.Read(data);
            }
        }

        return (entries, texts);
    }

    private static void Add(List<string> entries, string name, string path)
    {
        entries.Add(name);
        if (entries.Count > BundleLimits.MaxEntries)
        {
            throw new BundleReadException($"'{path}' holds more than {BundleLimits.MaxEntries} entries; is it really a bundle?");
        }
    }
}
