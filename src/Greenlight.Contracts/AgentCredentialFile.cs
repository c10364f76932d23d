namespace Greenlight.Contracts;

/// <summary>
/// An agent's per-instance credential on disk: one line, mode 0600, written through a temp file, fsync and a rename, so
/// a reader never sees half a credential. The agent writes it after enrolling; the server writes it into a local
/// instance's sandbox; the agent reads it at every start. One definition for both, since neither references the other.
/// </summary>
public static class AgentCredentialFile
{
    public static string? Read(string path) => File.Exists(path) ? File.ReadAllText(path).Trim() : null;

    public static void Write(string path, string credential)
    {
        if (string.IsNullOrWhiteSpace(credential) || credential.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException("an agent credential is one non-empty line", nameof(credential));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        File.Delete(temp);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(temp, options))
        using (var writer = new StreamWriter(file))
        {
            writer.WriteLine(credential);
            writer.Flush();
            file.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }
}
