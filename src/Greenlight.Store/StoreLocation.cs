using Greenlight.Store.Postgres;

namespace Greenlight.Store;

/// <summary>
/// A parsed database setting: the engine and its target (a SQLite file path or an Npgsql connection string), and
/// <see cref="Display"/>, a description safe to print (no password).
/// </summary>
public sealed record StoreLocation(StoreEngine Engine, string Target, string Display)
{
    private const string DefaultFileName = "greenlight.db";
    private const string Expected = "expected 'sqlite', 'sqlite:/path/file.db', 'postgres://user:pass@host:port/db' or 'Host=...;Database=...'";

    /// <summary>Reads a database setting (see <see cref="StoreFactory.Open"/>); throws <see cref="StoreConfigurationException"/>.</summary>
    public static StoreLocation Parse(string? database, string dataDirectory)
    {
        var value = database?.Trim() ?? "";
        if (value.Length == 0 || value.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return Sqlite(Path.Combine(RequireDataDirectory(dataDirectory), DefaultFileName));
        }
        if (value.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            var path = value["sqlite:".Length..];
            if (path.StartsWith("//", StringComparison.Ordinal))
            {
                path = path[2..]; // sqlite:///abs/file.db
            }
            if (path.Length == 0)
            {
                throw new StoreConfigurationException($"database 'sqlite:' names no file; {Expected}");
            }
            return Sqlite(Path.IsPathRooted(path) ? path : Path.Combine(RequireDataDirectory(dataDirectory), path));
        }
        if (PostgresConnectionString.IsUrl(value) || PostgresConnectionString.IsKeywordString(value))
        {
            var connectionString = PostgresConnectionString.From(value);
            return new StoreLocation(StoreEngine.Postgres, connectionString, PostgresConnectionString.Describe(connectionString));
        }
        throw new StoreConfigurationException($"database '{Redact(value)}' is not understood; {Expected}");
    }

    private static StoreLocation Sqlite(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new StoreConfigurationException($"database 'sqlite:{full}' is a directory, not a file");
        }
        return new StoreLocation(StoreEngine.Sqlite, full, "sqlite:" + full);
    }

    private static string RequireDataDirectory(string dataDirectory) =>
        string.IsNullOrWhiteSpace(dataDirectory)
            ? throw new StoreConfigurationException("database 'sqlite' needs a data directory, and none is set")
            : dataDirectory;

    /// <summary>Hides anything after a ':' in a URL's user info, and any value of a password keyword.</summary>
    internal static string Redact(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        if (at > 0 && scheme > 0 && scheme < at)
        {
            var colon = value.IndexOf(':', scheme + 3);
            if (colon > 0 && colon < at)
            {
                return value[..(colon + 1)] + "***" + value[at..];
            }
        }
        return value.Contains("password", StringComparison.OrdinalIgnoreCase) ? "(a value with a password, not shown)" : value;
    }
}
