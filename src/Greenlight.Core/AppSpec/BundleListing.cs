using System.Collections.Frozen;

namespace Greenlight.Core.AppSpec;

/// <summary>
/// The names in a bundle, normalised: <c>/</c> separators, no leading <c>./</c> or <c>/</c>. Directories are
/// known from a trailing <c>/</c> or from having entries below them. Core never touches a file system;
/// the caller lists the directory or archive.
/// </summary>
public sealed class BundleListing
{
    private readonly FrozenSet<string> _files;
    private readonly FrozenSet<string> _directories;

    public BundleListing(IEnumerable<string> entryPaths)
    {
        var files = new HashSet<string>(StringComparer.Ordinal);
        var directories = new HashSet<string>(StringComparer.Ordinal);
        var top = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in entryPaths)
        {
            var isDirectory = raw.EndsWith('/') || raw.EndsWith('\\');
            var path = Normalize(raw);
            if (path.Length == 0)
            {
                continue;
            }

            (isDirectory ? directories : files).Add(path);
            for (var i = path.IndexOf('/', StringComparison.Ordinal); i >= 0; i = path.IndexOf('/', i + 1))
            {
                directories.Add(path[..i]);
            }

            top.Add(path.Split('/')[0]);
        }

        _files = files.ToFrozenSet(StringComparer.Ordinal);
        _directories = directories.ToFrozenSet(StringComparer.Ordinal);
        TopLevelNames = top.Order(StringComparer.Ordinal).ToArray();
        Files = [.. _files.Order(StringComparer.Ordinal)];
    }

    public IReadOnlyCollection<string> TopLevelNames { get; }

    /// <summary>Every file path, sorted.</summary>
    public IReadOnlyList<string> Files { get; }

    public bool IsFile(string path) => _files.Contains(Normalize(path));

    public bool IsDirectory(string path) => _directories.Contains(Normalize(path));

    public bool Exists(string path) => IsFile(path) || IsDirectory(path);

    /// <summary><c>a\b</c>, <c>./a/b/</c>, <c>/a/b</c> → <c>a/b</c>.</summary>
    public static string Normalize(string path)
    {
        var p = path.Replace('\\', '/');
        while (p.StartsWith("./", StringComparison.Ordinal))
        {
            p = p[2..];
        }

        return p.Trim('/');
    }
}
