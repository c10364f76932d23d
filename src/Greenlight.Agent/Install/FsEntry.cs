namespace Greenlight.Agent.Install;

/// <summary>What is at a path, without following a final symlink.</summary>
internal enum FsKind
{
    None,
    File,
    Directory,
    Symlink,
}

/// <summary>lstat-like probing and the atomic writes Install relies on (temp name + rename in the same folder).</summary>
internal static class FsEntry
{
    private const UnixFileMode SetIdBits = UnixFileMode.SetUser | UnixFileMode.SetGroup;

    public static FsKind Probe(string path)
    {
        if (new FileInfo(path).LinkTarget is not null)
        {
            return FsKind.Symlink;
        }

        return Directory.Exists(path) ? FsKind.Directory : File.Exists(path) ? FsKind.File : FsKind.None;
    }

    /// <summary>Copies <paramref name="source"/> over <paramref name="destination"/> with its mode (less setuid/setgid) and times.</summary>
    public static void CopyFile(string source, string destination)
    {
        var temp = TempBeside(destination);
        try
        {
            File.Copy(source, temp);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, File.GetUnixFileMode(source) & ~SetIdBits);
            }

            File.SetLastWriteTimeUtc(temp, File.GetLastWriteTimeUtc(source));
            File.SetLastAccessTimeUtc(temp, File.GetLastAccessTimeUtc(source));
            UnixNative.Rename(temp, destination);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>Creates (or replaces) <paramref name="destination"/> as a symlink to <paramref name="target"/>.</summary>
    public static void CreateSymlink(string destination, string target)
    {
        var temp = TempBeside(destination);
        try
        {
            File.CreateSymbolicLink(temp, target);
            UnixNative.Rename(temp, destination);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    public static void WriteText(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = TempBeside(path);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(text);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            UnixNative.Rename(temp, path);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private static string TempBeside(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.greenlight-{Guid.NewGuid():N}");
}
