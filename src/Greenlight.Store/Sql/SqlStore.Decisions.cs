using System.Data.Common;
using Greenlight.Engine.Storage;

namespace Greenlight.Store.Sql;

internal abstract partial class SqlStore
{
    /// <summary>
    /// One transaction: the guarded state update (0 rows: someone else wrote first, so nothing is written; a
    /// deployment that does not exist is NotFound), then the events numbered on from the deployment's last seq, then
    /// the commands numbered on from its last outbox seq, skipping keys already in the outbox. The row lock taken by the update orders concurrent committers, so the
    /// numbering cannot race. Terminal clears <c>active</c>, which frees the group for its next deployment.
    /// </summary>
    public async Task<CommitResult> CommitDecisionAsync(DecisionCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        try
        {
            return await CommitAsync(commit, cancellationToken);
        }
        catch (DbException e) when (UniqueViolation(e) is UniqueKey.ActiveDeploymentPerGroup)
        {
            // Only a decision that makes a finished deployment active again, while another one runs in its group.
            throw new StoreConflictException(
                "DeploymentLimitExceeded", $"deployment '{commit.DeploymentId}' cannot become active: its group has an active deployment");
        }
    }

    private async Task<CommitResult> CommitAsync(DecisionCommit commit, CancellationToken cancellationToken)
    {
        await using var write = await BeginWriteAsync(cancellationToken);
        var updated = await write.Command(
                """
                UPDATE deployments
                SET state_json = @state, status = @status, wake_at = @wakeAt, active = @active, version = version + 1, updated_at = @at
                WHERE id = @id AND version = @expected
                """)
            .With("@state", commit.StateJson)
            .With("@status", commit.Status)
            .With("@wakeAt", commit.WakeAt)
            .With("@active", !commit.Terminal)
            .With("@at", commit.At)
            .With("@id", commit.DeploymentId)
            .With("@expected", commit.ExpectedVersion)
            .ExecuteAsync(cancellationToken);
        if (updated == 0)
        {
            var exists = await write.Command("SELECT COUNT(*) FROM deployments WHERE id = @id")
                .With("@id", commit.DeploymentId)
                .ScalarLongAsync(cancellationToken);
            return exists > 0
                ? CommitResult.Conflict
                : throw new StoreConflictException("NotFound", $"deployment '{commit.DeploymentId}' does not exist");
        }
        var seq = await LastSeqAsync(write, "events", commit.DeploymentId, cancellationToken);
        foreach (var entry in commit.Events)
        {
            await InsertEventAsync(write, commit.DeploymentId, ++seq, commit.At, entry, cancellationToken);
        }
        var outboxSeq = await LastSeqAsync(write, "outbox", commit.DeploymentId, cancellationToken);
        foreach (var command in commit.Commands)
        {
            outboxSeq += await write.Command(
                    """
                    INSERT INTO outbox (deployment_id, seq, key, type, json, created_at) VALUES (@id, @seq, @key, @type, @json, @at)
                    ON CONFLICT (key) DO NOTHING
                    """)
                .With("@id", commit.DeploymentId)
                .With("@seq", outboxSeq + 1)
                .With("@key", command.Key)
                .With("@type", command.Type)
                .With("@json", command.Json)
                .With("@at", commit.At)
                .ExecuteAsync(cancellationToken);
        }
        await write.CommitAsync(cancellationToken);
        return new CommitResult(true, commit.ExpectedVersion + 1);
    }

    private static Task<long> LastSeqAsync(WriteScope write, string table, string deploymentId, CancellationToken cancellationToken) =>
        write.Command($"SELECT MAX(seq) FROM {table} WHERE deployment_id = @id")
            .With("@id", deploymentId)
            .ScalarLongAsync(cancellationToken);
}
