using System.Runtime.InteropServices;
using System.Text;

namespace Greenlight.Bundles.Extraction;

/// <summary>
/// The libc calls .NET does not offer without following symlinks: <c>mkdir(2)</c> (fails on anything already
/// there, a symlink included) and <c>link(2)</c> (does not follow a symlink at the old path on Linux). Failures
/// become <see cref="IOException"/> whose HResult is the errno, as the BCL's own are on Unix.
/// </summary>
internal static partial class Posix
{
    public const int AlreadyExists = 17; // EEXIST
    public const int NoSpace = 28; // ENOSPC
    public const int QuotaExceeded = 122; // EDQUOT on Linux

    public static void MakeDirectory(string path, int mode)
    {
        if (Mkdir(Bytes(path), (uint)mode) != 0)
        {
            throw Error("mkdir", path);
        }
    }

    public static void HardLink(string existing, string newPath)
    {
        if (Link(Bytes(existing), Bytes(newPath)) != 0)
        {
            throw Error("link", newPath);
        }
    }

    /// <summary>True for a directory that is not a symlink (the check is lstat, not stat).</summary>
    public static bool IsRealDirectory(string path)
    {
        var info = new DirectoryInfo(path);
        return info.Exists && info.LinkTarget is null && (info.Attributes & FileAttributes.ReparsePoint) == 0;
    }

    public static bool IsDiskFull(IOException exception) =>
        exception.HResult is NoSpace or QuotaExceeded || (exception.HResult & 0xFFFF) is 0x70 or 0x27; // Windows: ERROR_DISK_FULL, ERROR_HANDLE_DISK_FULL

    private static IOException Error(string call, string path)
    {
        var errno = Marshal.GetLastPInvokeError();
        return new IOException($"{call} '{path}' failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).", errno);
    }

    private static byte[] Bytes(string path) => Encoding.UTF8.GetBytes(path + "\0");

    [LibraryImport("libc", EntryPoint = "mkdir", SetLastError = true)]
    private static partial int Mkdir(byte[] path, uint mode);

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true)]
    private static partial int Link(byte[] existing, byte[] newPath);
}
