using System.Runtime.InteropServices;
using System.Text;

namespace Greenlight.Bundles.Revisions;

/// <summary>
/// fsync of a directory, so a rename into it survives a power cut. .NET cannot open a directory as a file,
/// so on Linux and macOS this calls libc directly; elsewhere it does nothing. A file system that cannot
/// sync directories (EINVAL) is accepted as is: the rename itself is still atomic there.
/// </summary>
internal static partial class DirectorySync
{
    private const int ReadOnly = 0;
    private const int InvalidArgument = 22; // EINVAL, the same on Linux and macOS

    public static void Flush(string directory)
    {
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()))
        {
            return;
        }

        var fd = Open(Encoding.UTF8.GetBytes(directory + "\0"), ReadOnly);
        if (fd < 0)
        {
            throw new IOException($"Cannot open directory '{directory}' to flush it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Fsync(fd) != 0 && Marshal.GetLastPInvokeError() is var errno && errno != InvalidArgument)
            {
                throw new IOException($"fsync of directory '{directory}' failed (errno {errno}).");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true)]
    private static partial int Open(byte[] path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
