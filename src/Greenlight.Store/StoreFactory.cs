using Greenlight.Engine.Storage;
using Greenlight.Store.Postgres;
using Greenlight.Store.Sqlite;

namespace Greenlight.Store;

/// <summary>Opens the store named by the server's database setting. Call <see cref="IGreenlightStore.MigrateAsync"/> next.</summary>
public static class StoreFactory
{
    /// <summary>
    /// Opens a store. <paramref name="database"/> is <c>sqlite</c> (the default, null or empty: <c>greenlight.db</c> in
    /// <paramref name="dataDirectory"/>), <c>sqlite:/path/file.db</c> (a relative path is taken under the data
    /// directory), <c>postgres://user:pass@host:port/db</c> or <c>postgresql://...</c>, or an Npgsql connection string
    /// (<c>Host=...;Database=...</c>). Throws <see cref="StoreConfigurationException"/> for a value it cannot use.
    /// </summary>
    public static IGreenlightStore Open(string? database, string dataDirectory)
    {
        var location = StoreLocation.Parse(database, dataDirectory);
        return location.Engine switch
        {
            StoreEngine.Sqlite => SqliteStore.Open(location.Target),
            _ => new PostgresStore(location.Target),
        };
    }
}
