namespace Greenlight.Bundles.Tests.Extraction;

/// <summary>
/// Every path under a directory, without descending into symlinks: .NET's recursive enumeration follows a
/// symlink to a directory, so a link to <c>.</c> would send it round forever.
/// </summary>
internal static class TreeWalk
{
    public static IEnumerable<string> Entries(string root, Func<string, bool>? skip = null)
    {
        foreach (var path in Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { AttributesToSkip = 0 }))
        {
            if (skip?.Invoke(path) == true)
            {
                continue;
            }

            yield return path;
            var info = new FileInfo(path);
            if (info.LinkTarget is null && info.Attributes.HasFlag(FileAttributes.Directory))
            {
                foreach (var child in Entries(path, skip))
                {
                    yield return child;
                }
            }
        }
    }
}
