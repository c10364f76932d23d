using Greenlight.Store.Tests.Contract;

namespace Greenlight.Store.Tests.Postgres;

/// <summary>The store contract on PostgreSQL: a fresh schema per test in the shared throwaway cluster.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreTests(PostgresCluster cluster) : StoreContract
{
    protected override string DataDirectory => Path.GetTempPath();

    protected override Task<string> CreateDatabaseAsync() => cluster.CreateSchemaAsync();

    [Fact]
    public async Task Open_PostgresUrl_ConnectsToTheSameDatabase()
    {
        await Store.PutResourceAsync("application", "shop", "{}", 0, Audit("Create", "shop"), Ct);
        var schema = PostgresCluster.SearchPathOption(Database);

        var viaUrl = Open($"postgres://postgres:unused@127.0.0.1:{cluster.Port}/{PostgresCluster.DatabaseName}?options=-c%20search_path%3D{schema}");

        Assert.NotNull(await viaUrl.GetResourceAsync("application", "shop", Ct));
    }
}
