using System.Runtime.InteropServices;

namespace Greenlight.Server.Fleet.Local;

/// <summary>
/// <c>kill(2)</c>, so a signal costs a system call instead of a <c>kill</c> process. The agent declares the same
/// call (Greenlight.Agent.Native.LibC) with LibraryImport; the server does not reference the agent, and a plain
/// DllImport of a blittable signature needs no unsafe code in this project.
/// </summary>
internal static class LibC
{
    public const int SigTerm = 15;
    public const int SigKill = 9;

    /// <summary>A negative <paramref name="pid"/> signals the whole process group. Returns 0, or -1 (errno ESRCH when nothing has that id).</summary>
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static extern int Kill(int pid, int signal);
}
