using System.Data;
using System.Data.Common;
using Greenlight.Store.Sql;
using Npgsql;

namespace Greenlight.Store.Postgres;

/// <summary>
/// The PostgreSQL dialect: a pooled data source, READ COMMITTED write transactions (every state write is guarded by a
/// version check or a unique key, and the guarded UPDATE's row lock orders concurrent writers of one deployment).
/// </summary>
internal sealed class PostgresStore(string connectionString) : SqlStore
{
    /// <summary>Advisory lock key held while migrating ("glmi" in ASCII).</summary>
    private const long MigrationLockKey = 0x676C6D69;

    private static readonly Dictionary<string, UniqueKey> UniqueKeys = new(StringComparer.Ordinal)
    {
        ["pk_deployments"] = UniqueKey.DeploymentId,
        ["ux_deployments_active_group"] = UniqueKey.ActiveDeploymentPerGroup,
        ["pk_tokens"] = UniqueKey.TokenId,
        ["ux_tokens_hash"] = UniqueKey.TokenHash,
    };

    private readonly NpgsqlDataSource dataSource = NpgsqlDataSource.Create(connectionString);

    protected override string IdentityColumn => "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";

    protected override string OrdinalCollation => "COLLATE \"C\"";

    protected override string TableExistsSql =>
        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = @name";

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    protected override async Task<WriteScope> BeginWriteAsync(CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            return new WriteScope(connection, transaction, release: null);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A session advisory lock on a connection of its own, released (and the connection closed) on dispose.</summary>
    protected override async Task<IAsyncDisposable> AcquireMigrationLockAsync(CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", MigrationLockKey);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new AdvisoryLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    protected override UniqueKey? UniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } e
            ? UniqueKeys.GetValueOrDefault(e.ConstraintName ?? "", UniqueKey.Other)
            : null;

    public override ValueTask DisposeAsync() => dataSource.DisposeAsync();

    private sealed class AdvisoryLock(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                command.Parameters.AddWithValue("key", MigrationLockKey);
                await command.ExecuteNonQueryAsync();
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
