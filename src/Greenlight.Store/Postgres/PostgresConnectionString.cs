using System.Globalization;
using Npgsql;

namespace Greenlight.Store.Postgres;

/// <summary>Turns <c>postgres://user:pass@host:port/db?sslmode=require</c> (or an Npgsql keyword string) into an Npgsql connection string.</summary>
internal static class PostgresConnectionString
{
    private const int DefaultPort = 5432;

    /// <summary>URL query names libpq users write, and the Npgsql keyword each one means.</summary>
    private static readonly Dictionary<string, string> QueryAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sslmode"] = "SSL Mode",
        ["application_name"] = "Application Name",
        ["connect_timeout"] = "Timeout",
        ["target_session_attrs"] = "Target Session Attributes",
        ["options"] = "Options",
    };

    public static bool IsUrl(string value) =>
        value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    public static bool IsKeywordString(string value) =>
        value.Contains('=', StringComparison.Ordinal)
        && (value.StartsWith("host=", StringComparison.OrdinalIgnoreCase)
            || value.Contains(";host=", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("server=", StringComparison.OrdinalIgnoreCase));

    public static string From(string value) => IsUrl(value) ? FromUrl(value) : FromKeywords(value);

    /// <summary>Host, port, database and user of a connection string, for messages (never the password).</summary>
    public static string Describe(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return string.Create(CultureInfo.InvariantCulture, $"postgres://{b.Username}@{b.Host}:{b.Port}/{b.Database}");
    }

    private static string FromKeywords(string value)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(value);
            return string.IsNullOrEmpty(builder.Host)
                ? throw new StoreConfigurationException("database connection string names no Host")
                : builder.ConnectionString;
        }
        catch (ArgumentException e)
        {
            throw new StoreConfigurationException("database connection string is not valid for PostgreSQL: " + FirstLine(e.Message));
        }
    }

    private static string FromUrl(string value)
    {
        var shown = StoreLocation.Redact(value);
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw new StoreConfigurationException($"database URL '{shown}' is not a valid postgres://user:pass@host:port/db URL");
        }
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host.Trim('[', ']'),
            Port = uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : uri.Port,
        };
        var userInfo = uri.UserInfo;
        if (userInfo.Length > 0)
        {
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
            }
        }
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Contains('/', StringComparison.Ordinal))
        {
            throw new StoreConfigurationException($"database URL '{shown}' has a path with more than a database name");
        }
        if (database.Length > 0)
        {
            builder.Database = database;
        }
        ApplyQuery(builder, uri.Query, shown);
        return builder.ConnectionString;
    }

    private static void ApplyQuery(NpgsqlConnectionStringBuilder builder, string query, string shown)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var setting = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
            try
            {
                builder[QueryAliases.GetValueOrDefault(name, name)] = setting;
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
            {
                throw new StoreConfigurationException($"database URL '{shown}' has a parameter '{name}' PostgreSQL does not accept: {FirstLine(e.Message)}");
            }
        }
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
