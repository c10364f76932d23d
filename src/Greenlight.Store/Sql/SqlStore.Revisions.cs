using Greenlight.Engine.Storage;

namespace Greenlight.Store.Sql;

internal abstract partial class SqlStore
{
    /// <summary>
    /// Inserts unless (application, sha256) is already registered, and returns the stored row either way. The audit
    /// row is written for every call, so each registration request maps to one audit entry.
    /// </summary>
    public async Task<RevisionRecord> PutRevisionAsync(RevisionRecord revision, AuditEntry audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(revision);
        ArgumentNullException.ThrowIfNull(audit);
        await using var write = await BeginWriteAsync(cancellationToken);
        await write.Command(
                $"""
                INSERT INTO revisions ({Rows.RevisionColumns})
                VALUES (@application, @sha256, @size, @bundleType, @location, @description, @registeredAt, @firstUsedAt, @lastUsedAt)
                ON CONFLICT (application, sha256) DO NOTHING
                """)
            .With("@application", revision.Application)
            .With("@sha256", revision.Sha256)
            .With("@size", revision.Size)
            .With("@bundleType", revision.BundleType)
            .With("@location", revision.Location)
            .With("@description", revision.Description)
            .With("@registeredAt", revision.RegisteredAt)
            .With("@firstUsedAt", revision.FirstUsedAt)
            .With("@lastUsedAt", revision.LastUsedAt)
            .ExecuteAsync(cancellationToken);
        var stored = await write.Command($"SELECT {Rows.RevisionColumns} FROM revisions WHERE application = @application AND sha256 = @sha256")
            .With("@application", revision.Application)
            .With("@sha256", revision.Sha256)
            .SingleOrDefaultAsync(Rows.Revision, cancellationToken);
        await InsertAuditAsync(write, audit, cancellationToken);
        await write.CommitAsync(cancellationToken);
        return stored!;
    }

    public Task<RevisionRecord?> GetRevisionAsync(string application, string sha256, CancellationToken cancellationToken) =>
        QuerySingleAsync(
            $"SELECT {Rows.RevisionColumns} FROM revisions WHERE application = @application AND sha256 = @sha256",
            c => c.With("@application", application).With("@sha256", sha256),
            Rows.Revision,
            cancellationToken);

    public async Task<IReadOnlyList<RevisionRecord>> ListRevisionsAsync(string application, CancellationToken cancellationToken) =>
        await QueryAsync(
            $"SELECT {Rows.RevisionColumns} FROM revisions WHERE application = @application ORDER BY registered_at DESC, sha256",
            c => c.With("@application", application),
            Rows.Revision,
            cancellationToken);

    /// <summary>Sets first use if unset and last use always; a revision that is not registered is left alone.</summary>
    public async Task MarkRevisionUsedAsync(string application, string sha256, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var write = await BeginWriteAsync(cancellationToken);
        await write.Command(
                """
                UPDATE revisions SET first_used_at = COALESCE(first_used_at, @at), last_used_at = @at
                WHERE application = @application AND sha256 = @sha256
                """)
            .With("@at", at).With("@application", application).With("@sha256", sha256)
            .ExecuteAsync(cancellationToken);
        await write.CommitAsync(cancellationToken);
    }
}
