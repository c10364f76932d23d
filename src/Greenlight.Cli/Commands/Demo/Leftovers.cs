namespace Greenlight.Cli.Commands.Demo;

/// <summary>
/// Processes of a demo still running after its server stopped: any process whose command line names the demo's data
/// directory (agents, sample apps), or that carries the marker of one of its instances (GREENLIGHT_LOCAL_INSTANCE,
/// inherited by everything the hooks start). Read from /proc, as eng/demo.sh did.
/// </summary>
internal static class Leftovers
{
    public static IReadOnlyList<string> Find(string dataDirectory)
    {
        var ids = Directory.Exists(Path.Combine(dataDirectory, "instances"))
            ? Directory.EnumerateDirectories(Path.Combine(dataDirectory, "instances"), "i-*").Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal)
            : [];
        var self = Environment.ProcessId;
        var found = new List<string>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == self || !Alive(dir))
            {
                continue;
            }

            var args = Read(Path.Combine(dir, "cmdline"))?.Replace('\0', ' ').Trim();
            if (args is null)
            {
                continue;
            }

            var marked = args.Contains(dataDirectory + "/", StringComparison.Ordinal) ||
                (Read(Path.Combine(dir, "environ"))?.Split('\0')
                    .Any(v => v.StartsWith("GREENLIGHT_LOCAL_INSTANCE=", StringComparison.Ordinal) && ids.Contains(v["GREENLIGHT_LOCAL_INSTANCE=".Length..])) ?? false);
            if (marked)
            {
                found.Add($"{pid} {args}");
            }
        }

        return found;
    }

    /// <summary>Waits (bounded) for the processes to go, since the last ones may still be exiting; those left after the wait.</summary>
    public static async Task<IReadOnlyList<string>> WaitForNoneAsync(string dataDirectory, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = Find(dataDirectory);
            if (left.Count == 0 || DateTime.UtcNow >= deadline)
            {
                return left;
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Not gone and not a zombie.</summary>
    private static bool Alive(string dir)
    {
        var stat = Read(Path.Combine(dir, "stat"));
        var state = stat is null ? null : stat[(stat.LastIndexOf(')') + 1)..].TrimStart();
        return state is { Length: > 0 } && state[0] is not ('Z' or 'X');
    }

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
