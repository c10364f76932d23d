using Greenlight.Engine.Storage;

namespace Greenlight.Store.Sql;

internal abstract partial class SqlStore
{
    public async Task<IReadOnlyList<OutboxEntry>> PendingCommandsAsync(int limit, CancellationToken cancellationToken) =>
        await QueryAsync(
            $"SELECT {Rows.OutboxColumns} FROM outbox WHERE dispatched_at IS NULL ORDER BY deployment_id, seq LIMIT @limit",
            c => c.With("@limit", CheckLimit(limit, int.MaxValue)),
            Rows.Outbox,
            cancellationToken);

    /// <summary>Sets the dispatch time once; marking again, or marking an unknown command, changes nothing.</summary>
    public async Task MarkDispatchedAsync(string deploymentId, long seq, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var write = await BeginWriteAsync(cancellationToken);
        await write.Command("UPDATE outbox SET dispatched_at = @at WHERE deployment_id = @id AND seq = @seq AND dispatched_at IS NULL")
            .With("@at", at).With("@id", deploymentId).With("@seq", seq)
            .ExecuteAsync(cancellationToken);
        await write.CommitAsync(cancellationToken);
    }

    public async Task<bool> TryRecordExecutionAsync(string key, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var write = await BeginWriteAsync(cancellationToken);
        var inserted = await write.Command("INSERT INTO executions (key, at) VALUES (@key, @at) ON CONFLICT (key) DO NOTHING")
            .With("@key", key).With("@at", at)
            .ExecuteAsync(cancellationToken);
        await write.CommitAsync(cancellationToken);
        return inserted == 1;
    }

    public async Task<IReadOnlyList<string>> ExecutedKeysAsync(string keyPrefix, CancellationToken cancellationToken) =>
        await QueryAsync(
            "SELECT key FROM executions WHERE substr(key, 1, length(@prefix)) = @prefix ORDER BY key",
            c => c.With("@prefix", keyPrefix ?? ""),
            r => r.GetString(0),
            cancellationToken);
}
