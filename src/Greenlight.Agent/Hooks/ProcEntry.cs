using System.Globalization;

namespace Greenlight.Agent.Hooks;

/// <summary>One process as <c>/proc/&lt;pid&gt;/stat</c> shows it.</summary>
internal readonly record struct ProcEntry(int Pid, int ParentPid, int ProcessGroup, int Session, char State, long StartTime)
{
    public bool IsZombie => State is 'Z' or 'X';

    /// <summary>Every process now visible in <c>/proc</c> (processes that vanish while it is read are skipped).</summary>
    public static List<ProcEntry> ReadAll()
    {
        var entries = new List<ProcEntry>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && TryRead(pid) is { } e)
            {
                entries.Add(e);
            }
        }

        return entries;
    }

    public static ProcEntry? TryRead(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return Parse(pid, text);
    }

    /// <summary>Parses a stat line; the command name is in parentheses and may itself hold spaces and parentheses.</summary>
    internal static ProcEntry? Parse(int pid, string stat)
    {
        var close = stat.LastIndexOf(')');
        if (close < 0 || close + 2 >= stat.Length)
        {
            return null;
        }

        // Fields after the name: 3 state, 4 ppid, 5 pgrp, 6 session, ..., 22 starttime.
        var f = stat[(close + 2)..].Split(' ');
        if (f.Length < 20)
        {
            return null;
        }

        return new ProcEntry(pid, Int(f[1]), Int(f[2]), Int(f[3]), f[0][0], long.Parse(f[19], CultureInfo.InvariantCulture));

        static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);
    }

    /// <summary>Whether the process's environment holds <paramref name="needle"/> (a whole NUL-terminated entry).</summary>
    public static bool EnvironmentContains(int pid, byte[] needle)
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

        var span = environ.AsSpan();
        for (var at = span.IndexOf(needle); at >= 0; at = Next(span, at, needle))
        {
            if (at == 0 || span[at - 1] == 0)
            {
                return true;
            }
        }

        return false;

        static int Next(ReadOnlySpan<byte> s, int at, byte[] n)
        {
            var rest = s[(at + 1)..].IndexOf(n);
            return rest < 0 ? -1 : at + 1 + rest;
        }
    }
}
