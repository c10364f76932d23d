using Greenlight.Store.Tests.Contract;

namespace Greenlight.Store.Tests.Postgres;

/// <summary>The store contract on PostgreSQL: a fresh database per test in the shared throwaway cluster.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreTests(PostgresCluster cluster) : StoreContract
{
    protected override string DataDirectory => Path.GetTempPath();

    protected override Task<string> CreateDatabaseAsync() => cluster.CreateDatabaseAsync();

    [Fact]
    public async Task Open_PostgresUrl_ConnectsToTheSameDatabase()
    {
        await Store.PutResourceAsync("application", "shop", "{}", 0, Audit("Create", "shop"), Ct);
        var database = new Npgsql.NpgsqlConnectionStringBuilder(Database).Database;

        var viaUrl = Open($"postgres://postgres:unused@127.0.0.1:{cluster.Port}/{database}");

        Assert.NotNull(await viaUrl.GetResourceAsync("application", "shop", Ct));
    }
}
