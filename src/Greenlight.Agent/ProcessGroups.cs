using System.Runtime.InteropServices;

namespace Greenlight.Agent;

/// <summary>Kills what is left of a process group after a crash (SIGKILL to the whole group).</summary>
public static partial class ProcessGroups
{
    private const int SigKill = 9;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SysKill(int pid, int signal);

    public static void Kill(int processGroup)
    {
        if (processGroup > 1)
        {
            _ = SysKill(-processGroup, SigKill);
        }
    }
}
