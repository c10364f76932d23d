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
    public static bool IsArchive(string path) => BundleTypes.FromFileName(path) is not null;

    /// <summary>Opens an archive whose type its file name declares (see <see cref="BundleTypes.FromFileName"/>).</summary>
    public static BundleContents Open(string path) =>
        Open(path, BundleTypes.FromFileName(path) ?? throw new BundleReadException($"'{path}' is not named .zip, .tar, .tgz or .tar.gz."));

    /// <summary>
    /// Opens an archive of the declared <paramref name="type"/>, whatever the file is called. Labels and error
    /// messages name it <paramref name="displayName"/> (default: <paramref name="path"/>), e.g.
    /// <c>bundle.zip!appspec.yml</c>. Throws <see cref="BundleReadException"/> when the file is not a readable
    /// archive of that type or holds more than <see cref="BundleLimits.MaxEntries"/> entries; other I/O faults propagate.
    /// </summary>
    public static BundleContents Open(string path, BundleType type, string? displayName = null)
    {
        var name = displayName ?? path;
        try
        {
            var (entries, texts) = type == BundleType.Zip ? ReadZip(path, name) : ReadTar(path, name, gzip: type == BundleType.Tgz);
            return new BundleContents(entries, e => texts.GetValueOrDefault(BundleListing.Normalize(e)), e => $"{name}!{e}");
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or EndOfStreamException or NotSupportedException)
        {
            throw new BundleReadException($"'{name}' is not a readable {type.ToName()} archive: {ex.Message}", ex);
        }
    }

    /// <summary>Entries worth reading: an appspec at the root or one folder down.</summary>
    private static bool IsCandidate(string name)
    {
        var normalized = BundleListing.Normalize(name);
        var file = normalized[(normalized.LastIndexOf('/') + 1)..];
        return AppSpecLocator.FileNames.Contains(file) && normalized.Count(c => c == '/') <= 1;
    }

    private static (List<string>, Dictionary<string, string>) ReadZip(string path, string name)
    {
        using var zip = ZipFile.OpenRead(path);
        var entries = new List<string>();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            Add(entries, entry.FullName, name);
            if (!entry.FullName.EndsWith('/') && IsCandidate(entry.FullName))
            {
                using var stream = entry.Open();
                texts[BundleListing.Normalize(entry.FullName)] = CappedText.Read(stream);
            }
        }

        return (entries, texts);
    }

    private static (List<string>, Dictionary<string, string>) ReadTar(string path, string name, bool gzip)
    {
        using var file = File.OpenRead(path);
        using Stream stream = gzip ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var tar = new TarReader(stream);
        var entries = new List<string>();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.EntryType == TarEntryType.Directory)
            {
                Add(entries, entry.Name.TrimEnd('/') + "/", name);
                continue;
            }

            Add(entries, entry.Name, name);
            if (entry.DataStream is { } data && IsCandidate(entry.Name))
            {
                texts[BundleListing.Normalize(entry.Name)] = CappedText.Read(data);
            }
        }

        return (entries, texts);
    }

    private static void Add(List<string> entries, string entryName, string name)
    {
        entries.Add(entryName);
        if (entries.Count > BundleLimits.MaxEntries)
        {
            throw new BundleReadException($"'{name}' holds more than {BundleLimits.MaxEntries} entries; is it really a bundle?");
        }
    }
}
