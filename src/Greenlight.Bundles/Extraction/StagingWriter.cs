using System.Runtime.Versioning;

namespace Greenlight.Bundles.Extraction;

/// <summary>
/// Writes into staging by relative path and never follows a symlink: each directory is made with
/// <c>mkdir(2)</c> (which fails on anything already there) and confirmed with lstat, files are created with
/// O_CREAT|O_EXCL (which fails on an existing symlink rather than following it), and symlinks are only made
/// after every file and directory is in place. Directories are made 0700 and given their final mode at the end.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal sealed class StagingWriter(string root)
{
    private const int OwnerAll = 0b111_000_000; // 0700
    private const int DirectoryMax = 0b111_101_101; // 0755
    private const int PermissionBits = 0b111_111_111; // 0777
    private const int DefaultFileMode = 0b110_100_100; // 0644

    private readonly Dictionary<string, int> _directories = new(StringComparer.Ordinal) { [""] = OwnerAll };

    public string Root => root;

    public string Full(string path) => path.Length == 0 ? root : root + "/" + path;

    /// <summary>Makes the directory and any missing parents; <paramref name="mode"/> (if given) is applied at <see cref="Finish"/>.</summary>
    public void Directory(string path, int? mode)
    {
        EnsureDirectory(path);
        if (path.Length > 0)
        {
            _directories[path] = ((mode ?? DirectoryMax) & DirectoryMax) | OwnerAll;
        }
    }

    /// <summary>Creates a new regular file (never an existing path, never through a link), owner-only until its mode is set.</summary>
    public FileStream CreateFile(string path)
    {
        EnsureParent(path);
        return new FileStream(Full(path), new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
    }

    /// <summary>The archive's permission bits without setuid, setgid or sticky; files without a mode get 0644.</summary>
    public static UnixFileMode FilePermissions(int? mode) => (UnixFileMode)((mode ?? DefaultFileMode) & PermissionBits);

    public void HardLink(string path, string target)
    {
        EnsureParent(path);
        Posix.HardLink(Full(target), Full(path));
    }

    public void SymbolicLink(string path, string target)
    {
        EnsureParent(path);
        File.CreateSymbolicLink(Full(path), target);
    }

    /// <summary>Gives directories their modes (deepest first), then leaves staging itself at 0700.</summary>
    public void Finish()
    {
        foreach (var (path, mode) in _directories.OrderByDescending(d => d.Key.Length))
        {
            if (path.Length > 0)
            {
                File.SetUnixFileMode(Full(path), (UnixFileMode)mode);
            }
        }
    }

    private void EnsureParent(string path)
    {
        var slash = path.LastIndexOf('/');
        EnsureDirectory(slash < 0 ? "" : path[..slash]);
    }

    private void EnsureDirectory(string path)
    {
        if (_directories.ContainsKey(path))
        {
            return;
        }

        var slash = path.LastIndexOf('/');
        EnsureDirectory(slash < 0 ? "" : path[..slash]);
        var full = Full(path);
        Posix.MakeDirectory(full, OwnerAll);
        if (!Posix.IsRealDirectory(full))
        {
            throw new IOException($"'{full}' is not a plain directory right after mkdir; refusing to write through it.");
        }

        _directories[path] = DirectoryMax;
    }
}
