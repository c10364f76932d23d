using System.Diagnostics;
using System.Text;

namespace Greenlight.Server.Fleet.Local;

/// <summary>
/// <c>GREENLIGHT_LOCAL_INSTANCE=&lt;id&gt;</c>, set in the environment of a local instance's agent and bootstrap
/// script and so inherited by every process they start (a hook's <c>nohup app &amp;</c> included). It is how the
/// provider finds what an instance left running after its agent is gone. What the server's own environment holds
/// for the server alone is taken out at the same time: its tokens (GREENLIGHT_TOKEN, GREENLIGHT_ENROLLMENT_TOKEN:
/// a launched agent needs neither) and the test profile's GREENLIGHT_CRASH_POINT.
/// </summary>
internal static class InstanceMarker
{
    public const string Variable = "GREENLIGHT_LOCAL_INSTANCE";

    private static readonly string[] Withheld = ["GREENLIGHT_TOKEN", "GREENLIGHT_ENROLLMENT_TOKEN", "GREENLIGHT_CRASH_POINT"];

    /// <summary>Marks the process about to start as the instance's, and withholds the server's secrets from it.</summary>
    public static void Apply(ProcessStartInfo info, string instanceId)
    {
        foreach (var name in Withheld)
        {
            info.Environment.Remove(name);
        }

        info.Environment[Variable] = instanceId;
    }

    /// <summary>The PIDs of the running processes (zombies excluded) whose environment holds the instance's marker, other than this one.</summary>
    public static List<int> FindProcesses(string instanceId)
    {
        var needle = Encoding.UTF8.GetBytes($"{Variable}={instanceId}\0");
        var self = Environment.ProcessId;
        var found = new List<int>();
        foreach (var pid in ProcStat.AllPids())
        {
            if (pid != self && EnvironmentContains(pid, needle) && ProcStat.TryRead(pid) is { HasExited: false })
            {
                found.Add(pid);
            }
        }

        return found;
    }

    /// <summary>Whether the process's environment holds <paramref name="entry"/> as a whole NUL-terminated entry.</summary>
    private static bool EnvironmentContains(int pid, byte[] entry)
    {
        byte[] environ;
        try
        {
            environ = File.ReadAllBytes($"/proc/{pid}/environ");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        ReadOnlySpan<byte> rest = environ;
        var offset = 0;
        while (rest.IndexOf(entry) is var at and >= 0)
        {
            if (offset + at == 0 || environ[offset + at - 1] == 0)
            {
                return true;
            }

            offset += at + 1;
            rest = rest[(at + 1)..];
        }

        return false;
    }
}
