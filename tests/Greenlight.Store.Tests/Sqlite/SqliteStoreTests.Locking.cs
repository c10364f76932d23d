using Greenlight.Engine.Storage;
using Greenlight.Store.Sqlite;
using Microsoft.Data.Sqlite;

namespace Greenlight.Store.Tests.Sqlite;

public sealed partial class SqliteStoreTests
{
    /// <summary>
    /// A writer outside this process (here: a raw connection) holds the write lock; the store's write must wait for
    /// it (busy_timeout) and then succeed, not fail with SQLITE_BUSY. The bounded wait only shows the write had not
    /// finished while the lock was held; the assertion that matters is that it succeeds after the release.
    /// </summary>
    [Fact]
    public async Task PutResourceAsync_OtherConnectionHoldsWriteLock_WaitsThenSucceeds()
    {
        await using var other = new SqliteConnection($"Data Source={((SqliteStore)Store).FilePath};Pooling=false");
        await other.OpenAsync(Ct);
        var held = other.BeginTransaction(deferred: false);

        // Microsoft.Data.Sqlite blocks the calling thread while SQLite waits, so the write runs on the pool.
        var put = Task.Run(() => Store.PutResourceAsync(ResourceKinds.Application, "shop", "{}", 0, Audit("Create", "shop"), Ct));
        var finishedWhileHeld = await Task.WhenAny(put, Task.Delay(TimeSpan.FromMilliseconds(300), Ct)) == put;
        held.Rollback();
        var stored = await put;

        Assert.False(finishedWhileHeld);
        Assert.Equal(stored, await Store.GetResourceAsync(ResourceKinds.Application, "shop", Ct));
    }
}
