using Greenlight.Testing.Postgres;
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

    /// <summary>
    /// Committed state survives a database crash. Pooled connections die with the server, so the first calls after
    /// the restart may fail; the server's job is to retry, and this polls (with a deadline) the way it would.
    /// </summary>
    [Fact]
    public async Task Store_DatabaseCrashAndRestart_CommittedStateIntactAndStoreUsableAgain()
    {
        await CreateAsync(Deployment("d-1"));
        await Store.CommitDecisionAsync(Decision("d-1", 1, commands: [new("k1", "RunHook", "{}")]), Ct);
        var before = await Store.GetDeploymentAsync("d-1", Ct);

        await cluster.CrashAndRestartAsync();

        var after = await EventuallyAsync(() => Store.GetDeploymentAsync("d-1", Ct));
        Assert.Equal(before, after);
        Assert.Equal([1L, 2L], (await AllEventsAsync("d-1")).Select(e => e.Seq));
        Assert.True((await Store.CommitDecisionAsync(Decision("d-1", 2), Ct)).Committed);
    }

    private async Task<T> EventuallyAsync<T>(Func<Task<T>> read)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                return await read();
            }
            catch (Npgsql.NpgsqlException) when (DateTime.UtcNow < deadline)
            {
                await Task.Yield();
            }
        }
    }
}
