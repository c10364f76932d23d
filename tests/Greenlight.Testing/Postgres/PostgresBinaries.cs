namespace Greenlight.Testing.Postgres;

/// <summary>Finds initdb and pg_ctl: on PATH first, then in Debian's /usr/lib/postgresql/&lt;version&gt;/bin, newest version first.</summary>
public static class PostgresBinaries
{
    public const string InstallHint =
        "Install PostgreSQL with `apt-get update && apt-get install -y postgresql` (or run eng/ensure-postgres.sh).";

    public static string? FindBinDirectory(out List<string> tried)
    {
        tried = [];
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(DebianVersions());
        foreach (var directory in candidates)
        {
            tried.Add(directory);
            if (File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl")))
            {
                return directory;
            }
        }
        return null;
    }

    private static IEnumerable<string> DebianVersions()
    {
        var versions = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [];
        return versions.Length == 0
            ? ["/usr/lib/postgresql/*/bin"]
            : versions.OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0).Select(d => Path.Combine(d, "bin"));
    }
}
