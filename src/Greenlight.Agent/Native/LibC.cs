using System.Runtime.InteropServices;

namespace Greenlight.Agent.Native;

/// <summary>
/// The few Linux libc calls the agent needs that .NET does not expose: signals to process groups, the child
/// subreaper flag, reaping re-parented orphans, and <c>realpath</c>. Every method returns the raw libc result;
/// callers read <see cref="Marshal.GetLastPInvokeError"/> when it is -1.
/// </summary>
internal static partial class LibC
{
    public const int SigTerm = 15;
    public const int SigKill = 9;
    public const int ESrch = 3;
    public const int WNoHang = 1;
    private const int PrSetChildSubreaper = 36;

    /// <summary><c>kill(2)</c>: a negative <paramref name="pid"/> signals the whole process group.</summary>
    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "waitpid", SetLastError = true)]
    public static partial int WaitPid(int pid, out int status, int options);

    [LibraryImport("libc", EntryPoint = "prctl", SetLastError = true)]
    private static partial int Prctl(int option, nuint arg2, nuint arg3, nuint arg4, nuint arg5);

    [LibraryImport("libc", EntryPoint = "realpath", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint RealPathNative(string path, nint resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(nint pointer);

    /// <summary>Makes this process the reaper of orphaned descendants (<c>PR_SET_CHILD_SUBREAPER</c>); returns the errno or 0.</summary>
    public static int SetChildSubreaper() =>
        Prctl(PrSetChildSubreaper, 1, 0, 0, 0) == 0 ? 0 : Marshal.GetLastPInvokeError();

    /// <summary>The canonical path with every symbolic link resolved, or null with the errno when it cannot be resolved.</summary>
    public static string? RealPath(string path, out int errno)
    {
        var resolved = RealPathNative(path, 0);
        if (resolved == 0)
        {
            errno = Marshal.GetLastPInvokeError();
            return null;
        }

        try
        {
            errno = 0;
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            Free(resolved);
        }
    }
}
