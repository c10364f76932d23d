using System.Globalization;
using System.Text;

namespace Greenlight.Testing;

/// <summary>
/// The tests' own look at <c>/proc</c>: which live processes carry a marker in their environment (a local instance's
/// GREENLIGHT_LOCAL_INSTANCE, or the marker <see cref="AgentProcess"/> gives the agents tests start), so a test can stop
/// everything its agents' hooks left running, by PID.
/// </summary>
public static class MarkedProcesses
{
    public static List<int> Find(string instanceId) => Find("GREENLIGHT_LOCAL_INSTANCE", instanceId);

    public static List<int> Find(string variable, string value)
    {
        var entry = $"{variable}={value}";
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && pid != Environment.ProcessId && Environ(pid).Contains(entry) && !IsZombie(pid))
            {
                found.Add(pid);
            }
        }

        return found;
    }

    /// <summary>The process's environment entries; empty when it is gone.</summary>
    public static string[] Environ(int pid)
    {
        try
        {
            return Encoding.UTF8.GetString(File.ReadAllBytes($"/proc/{pid}/environ")).Split('\0');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>The process's command line, its arguments joined by spaces; empty when it is gone.</summary>
    public static string CommandLine(int pid)
    {
        try
        {
            return Encoding.UTF8.GetString(File.ReadAllBytes($"/proc/{pid}/cmdline")).Replace('\0', ' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    /// <summary>Field 3 (state) and field 6 (session) of /proc/PID/stat, or null when the process is gone.</summary>
    public static (char State, int Session)? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return (fields[0][0], int.Parse(fields[3], CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>SIGKILLs every live process carrying the marker, until none is left (bounded).</summary>
    public static void KillAll(string variable, string value)
    {
        for (var round = 0; round < 50; round++)
        {
            var found = Find(variable, value);
            if (found.Count == 0)
            {
                return;
            }

            foreach (var pid in found)
            {
                try
                {
                    System.Diagnostics.Process.GetProcessById(pid).Kill();
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
                {
                    // Already gone.
                }
            }
        }
    }

    public static bool IsRunning(int pid) => Stat(pid) is { State: not ('Z' or 'X') };

    private static bool IsZombie(int pid) => Stat(pid) is { State: 'Z' or 'X' };
}
