using Greenlight.Engine.Storage;
using Greenlight.Store.Sqlite;

namespace Greenlight.Store.Tests.Sqlite;

public sealed partial class SqliteStoreTests
{
    [Fact]
    public async Task Open_AnyConnection_WalSynchronousFullBusyTimeoutAndForeignKeys()
    {
        var sqlite = (SqliteStore)Store;

        Assert.Equal("wal", await sqlite.PragmaAsync("journal_mode", Ct));
        Assert.Equal("2", await sqlite.PragmaAsync("synchronous", Ct)); // 2 = FULL
        Assert.Equal("10000", await sqlite.PragmaAsync("busy_timeout", Ct));
        Assert.Equal("1", await sqlite.PragmaAsync("foreign_keys", Ct));
        Assert.Equal("ok", await sqlite.PragmaAsync("integrity_check", Ct));
    }

    [Fact]
    public async Task Open_DefaultSetting_GreenlightDbInDataDirectory()
    {
        var store = (SqliteStore)Open("sqlite");

        await store.MigrateAsync(Ct);

        Assert.Equal(Path.Combine(DataDirectory, "greenlight.db"), store.FilePath);
        Assert.True(File.Exists(store.FilePath));
    }

    [Fact]
    public async Task Reopen_AfterDispose_EverythingReadBack()
    {
        await Store.PutResourceAsync(ResourceKinds.Application, "shop", """{"name":"shop"}""", 0, Audit("CreateApplication", "shop"), Ct);
        var revision = new RevisionRecord("shop", new string('a', 64), 10, "tgz", "revisions/a", null, T0, T0, T0);
        await Store.PutRevisionAsync(revision, Audit("RegisterRevision", "shop"), Ct);
        await CreateAsync(Deployment("d-1", wakeAt: T0));
        await Store.CommitDecisionAsync(Decision("d-1", 1, wakeAt: T0.AddSeconds(9), commands: [new("k1", "RunHook", "{}")]), Ct);
        var token = new ApiTokenRecord("t-1", "ci", new string('1', 64), "operator", null, T0, null, null);
        await Store.PutTokenAsync(token, Audit("CreateToken", "t-1"), Ct);
        var before = await SnapshotAsync(Store);
        await Store.DisposeAsync();

        var reopened = Open(Database);
        await reopened.MigrateAsync(Ct);

        Assert.Equal(before, await SnapshotAsync(reopened));
        Assert.Equal("ok", await ((SqliteStore)reopened).PragmaAsync("integrity_check", Ct));
        Assert.Equal("", await ((SqliteStore)reopened).PragmaAsync("foreign_key_check", Ct));
    }

    private async Task<string> SnapshotAsync(IGreenlightStore store)
    {
        var parts = new List<object?>
        {
            await store.SchemaVersionAsync(Ct),
            await store.GetResourceAsync(ResourceKinds.Application, "shop", Ct),
            await store.GetRevisionAsync("shop", new string('a', 64), Ct),
            await store.GetDeploymentAsync("d-1", Ct),
        };
        parts.AddRange(await store.ListEventsAsync("d-1", 0, 100, Ct));
        parts.AddRange(await store.PendingCommandsAsync(100, Ct));
        parts.AddRange(await store.ListTokensAsync(Ct));
        parts.AddRange(await store.ListAuditAsync(100, Ct));
        return string.Join("\n", parts);
    }
}
