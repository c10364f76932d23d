using System.Globalization;

namespace Greenlight.Server.Fleet.Local;

/// <summary>One process as <c>/proc/PID/stat</c> shows it: its state, session and start time (clock ticks since boot).</summary>
internal readonly record struct ProcStat(int Pid, char State, int Session, long StartTime)
{
    /// <summary>Exited: a zombie (Z) waiting to be reaped, or dead (X).</summary>
    public bool HasExited => State is 'Z' or 'X';

    /// <summary>Whether <paramref name="pid"/> is still the process that started at <paramref name="startTime"/> and has not exited.</summary>
    public static bool IsRunning(int pid, long startTime) =>
        pid > 0 && TryRead(pid) is { } stat && stat.StartTime == startTime && !stat.HasExited;

    public static ProcStat? TryRead(int pid)
    {
        try
        {
            return Parse(pid, File.ReadAllText($"/proc/{pid}/stat"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Every PID now in <c>/proc</c>.</summary>
    public static IEnumerable<int> AllPids()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                yield return pid;
            }
        }
    }

    /// <summary>Parses a stat line. The command name is in parentheses and may hold spaces and parentheses itself, so fields are counted after the last ')'.</summary>
    internal static ProcStat? Parse(int pid, string stat)
    {
        var close = stat.LastIndexOf(')');
        if (close < 0 || close + 2 >= stat.Length)
        {
            return null;
        }

        // After the name: field 3 state, 4 ppid, 5 pgrp, 6 session, ..., 22 starttime.
        var f = stat[(close + 2)..].Split(' ');
        if (f.Length < 20 || f[0].Length == 0
            || !int.TryParse(f[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var session)
            || !long.TryParse(f[19], NumberStyles.None, CultureInfo.InvariantCulture, out var startTime))
        {
            return null;
        }

        return new ProcStat(pid, f[0][0], session, startTime);
    }
}
