using System.Globalization;

namespace Greenlight.Server.Fleet.Local;

/// <summary>
/// The agent's PID and start time, kept in the sandbox (<c>agent.pid</c>: "PID STARTTIME"), so a server that
/// restarted before it recorded a launch finds the running agent instead of starting a second one.
/// </summary>
internal readonly record struct AgentProcessRecord(int Pid, long StartTime)
{
    public bool IsRunning => ProcStat.IsRunning(Pid, StartTime);

    public static AgentProcessRecord? Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                ? new AgentProcessRecord(pid, start)
                : null;
    }

    /// <summary>Writes through a temp file and a rename: a crash leaves the old record or the new one, never half.</summary>
    public void Write(string path)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, string.Create(CultureInfo.InvariantCulture, $"{Pid} {StartTime}\n"));
        File.Move(temp, path, overwrite: true);
    }
}
