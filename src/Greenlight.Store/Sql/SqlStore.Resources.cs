using System.Globalization;
using Greenlight.Engine.Storage;

namespace Greenlight.Store.Sql;

internal abstract partial class SqlStore
{
    public Task<StoredResource?> GetResourceAsync(string kind, string key, CancellationToken cancellationToken) =>
        QuerySingleAsync(
            $"SELECT {Rows.ResourceColumns} FROM resources WHERE kind = @kind AND key = @key",
            c => c.With("@kind", kind).With("@key", key),
            Rows.Resource,
            cancellationToken);

    public async Task<IReadOnlyList<StoredResource>> ListResourcesAsync(string kind, string? keyPrefix, CancellationToken cancellationToken) =>
        await QueryAsync(
            $"SELECT {Rows.ResourceColumns} FROM resources WHERE kind = @kind AND substr(key, 1, length(@prefix)) = @prefix ORDER BY key",
            c => c.With("@kind", kind).With("@prefix", keyPrefix ?? ""),
            Rows.Resource,
            cancellationToken);

    /// <summary>The resource's times come from <paramref name="audit"/>.At: the change and its audit row share one clock reading.</summary>
    public async Task<StoredResource> PutResourceAsync(string kind, string key, string body, long expectedVersion, AuditEntry audit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        ArgumentNullException.ThrowIfNull(audit);
        await using var write = await BeginWriteAsync(cancellationToken);
        var stored = expectedVersion == 0
            ? await write.Command(
                    $"""
                    INSERT INTO resources (kind, key, body, version, created_at, updated_at) VALUES (@kind, @key, @body, 1, @at, @at)
                    ON CONFLICT (kind, key) DO NOTHING RETURNING {Rows.ResourceColumns}
                    """)
                .With("@kind", kind).With("@key", key).With("@body", body).With("@at", audit.At)
                .SingleOrDefaultAsync(Rows.Resource, cancellationToken)
                ?? throw new StoreConflictException("AlreadyExists", $"{kind} '{key}' already exists")
            : await write.Command(
                    $"""
                    UPDATE resources SET body = @body, version = version + 1, updated_at = @at
                    WHERE kind = @kind AND key = @key AND version = @expected RETURNING {Rows.ResourceColumns}
                    """)
                .With("@kind", kind).With("@key", key).With("@body", body).With("@at", audit.At).With("@expected", expectedVersion)
                .SingleOrDefaultAsync(Rows.Resource, cancellationToken)
                ?? throw await RefusalAsync(write, kind, key, expectedVersion, cancellationToken);
        await InsertAuditAsync(write, audit, cancellationToken);
        await write.CommitAsync(cancellationToken);
        return stored;
    }

    public async Task<bool> DeleteResourceAsync(string kind, string key, long? expectedVersion, AuditEntry audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        await using var write = await BeginWriteAsync(cancellationToken);
        var delete = write.Command("DELETE FROM resources WHERE kind = @kind AND key = @key").With("@kind", kind).With("@key", key);
        if (expectedVersion is { } version)
        {
            delete.CommandText += " AND version = @expected";
            delete.With("@expected", version);
        }
        var deleted = await delete.ExecuteAsync(cancellationToken);
        if (deleted == 0)
        {
            if (expectedVersion is { } expected && await StoredVersionAsync(write, kind, key, cancellationToken) is not null)
            {
                throw await RefusalAsync(write, kind, key, expected, cancellationToken);
            }
            return false;
        }
        await InsertAuditAsync(write, audit, cancellationToken);
        await write.CommitAsync(cancellationToken);
        return true;
    }

    private static async Task<StoreConflictException> RefusalAsync(WriteScope write, string kind, string key, long expected, CancellationToken cancellationToken) =>
        await StoredVersionAsync(write, kind, key, cancellationToken) is { } actual
            ? new StoreConflictException("VersionConflict", string.Create(
                CultureInfo.InvariantCulture, $"{kind} '{key}' is at version {actual}, not {expected}"))
            : new StoreConflictException("NotFound", $"{kind} '{key}' does not exist");

    private static async Task<long?> StoredVersionAsync(WriteScope write, string kind, string key, CancellationToken cancellationToken)
    {
        var versions = await write.Command("SELECT version FROM resources WHERE kind = @kind AND key = @key")
            .With("@kind", kind).With("@key", key)
            .ListAsync(r => r.GetInt64(0), cancellationToken);
        return versions.Count == 0 ? null : versions[0];
    }
}
