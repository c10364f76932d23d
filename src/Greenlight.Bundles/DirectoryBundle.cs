namespace Greenlight.Bundles;

/// <summary>A bundle that is a directory on disk: lists names, reads only the file asked for.</summary>
public static class DirectoryBundle
{
    public static BundleContents Open(string directory)
    {
        var root = Path.GetFullPath(directory);
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true };
        var entries = new List<string>();
        foreach (var entry in Directory.EnumerateFileSystemEntries(root, "*", options))
        {
            var relative = Path.GetRelativePath(root, entry).Replace('\\', '/');
            entries.Add(Directory.Exists(entry) && !File.Exists(entry) ? relative + "/" : relative);
            if (entries.Count > BundleLimits.MaxEntries)
            {
                throw new BundleReadException($"'{directory}' holds more than {BundleLimits.MaxEntries} entries; is it really a bundle?");
            }
        }

        return new BundleContents(
            entries,
            entry => CappedText.ReadFile(Path.Combine(root, entry)),
            entry => Path.Join(directory, entry).Replace('\\', '/'));
    }
}
