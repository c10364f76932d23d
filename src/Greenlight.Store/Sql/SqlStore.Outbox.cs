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
}
