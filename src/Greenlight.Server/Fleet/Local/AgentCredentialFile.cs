namespace Greenlight.Server.Fleet.Local;

/// <summary>
/// Writes an agent's credential where the agent reads it: one line, mode 0600, through a temp file, fsync and a
/// rename, so the agent never sees half a credential. The same format as Greenlight.Agent.Protocol.CredentialFile
/// (the server does not reference the agent).
/// </summary>
internal static class AgentCredentialFile
{
    public static void Write(string path, string credential)
    {
        if (string.IsNullOrWhiteSpace(credential) || credential.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException("an agent credential is one non-empty line", nameof(credential));
        }

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
