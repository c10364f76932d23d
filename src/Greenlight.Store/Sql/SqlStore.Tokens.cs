using System.Data.Common;
using Greenlight.Engine.Storage;

namespace Greenlight.Store.Sql;

internal abstract partial class SqlStore
{
    /// <summary>Adds a token; a second token with the same id or hash is refused with AlreadyExists.</summary>
    public async Task PutTokenAsync(ApiTokenRecord token, AuditEntry? audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        try
        {
            await using var write = await BeginWriteAsync(cancellationToken);
            await write.Command(
                    $"""
                    INSERT INTO tokens ({Rows.TokenColumns})
                    VALUES (@id, @name, @hash, @role, @instanceId, @createdAt, @expiresAt, @revokedAt)
                    """)
                .With("@id", token.Id)
                .With("@name", token.Name)
                .With("@hash", token.Hash)
                .With("@role", token.Role)
                .With("@instanceId", token.InstanceId)
                .With("@createdAt", token.CreatedAt)
                .With("@expiresAt", token.ExpiresAt)
                .With("@revokedAt", token.RevokedAt)
                .ExecuteAsync(cancellationToken);
            if (audit is not null)
            {
                await InsertAuditAsync(write, audit, cancellationToken);
            }
            await write.CommitAsync(cancellationToken);
        }
        catch (DbException e) when (UniqueViolation(e) is UniqueKey.TokenId or UniqueKey.TokenHash)
        {
            // The message names the id, never the hash.
            throw new StoreConflictException("AlreadyExists", $"token '{token.Id}' or its secret already exists");
        }
    }

    public Task<ApiTokenRecord?> FindTokenByHashAsync(string hash, CancellationToken cancellationToken) =>
        QuerySingleAsync(
            $"SELECT {Rows.TokenColumns} FROM tokens WHERE hash = @hash",
            c => c.With("@hash", hash),
            Rows.Token,
            cancellationToken);

    public async Task<IReadOnlyList<ApiTokenRecord>> ListTokensAsync(CancellationToken cancellationToken) =>
        await QueryAsync($"SELECT {Rows.TokenColumns} FROM tokens ORDER BY created_at, id", None, Rows.Token, cancellationToken);

    /// <summary>Keeps the first revocation time if revoked twice; false (and no audit row) if there is no such token.</summary>
    public async Task<bool> RevokeTokenAsync(string id, DateTimeOffset at, AuditEntry audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        await using var write = await BeginWriteAsync(cancellationToken);
        var updated = await write.Command("UPDATE tokens SET revoked_at = COALESCE(revoked_at, @at) WHERE id = @id")
            .With("@at", at).With("@id", id)
            .ExecuteAsync(cancellationToken);
        if (updated == 0)
        {
            return false;
        }
        await InsertAuditAsync(write, audit, cancellationToken);
        await write.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAuditAsync(int limit, CancellationToken cancellationToken) =>
        await QueryAsync(
            $"SELECT {Rows.AuditColumns} FROM audit ORDER BY id DESC LIMIT @limit",
            c => c.With("@limit", CheckLimit(limit, int.MaxValue)),
            Rows.Audit,
            cancellationToken);
}
