using System.Data.Common;
using Greenlight.Store.Sql;
using Microsoft.Data.Sqlite;

namespace Greenlight.Store.Sqlite;

/// <summary>The SQLite dialect: one file, WAL, writes serialized by a process-wide lock plus BEGIN IMMEDIATE.</summary>
internal sealed class SqliteStore : SqlStore
{
    /// <summary>
    /// Set on every opened connection (all but journal_mode are per connection). synchronous=FULL, not NORMAL: in WAL
    /// mode NORMAL may lose the last commits on power loss, and a lost decision, outbox row or execution record would
    /// rewind a deployment or run a command twice. busy_timeout makes writers from other processes wait, not fail.
    /// </summary>
    private const string Pragmas =
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON;";

    private static readonly Dictionary<string, UniqueKey> UniqueKeys = new(StringComparer.Ordinal)
    {
        ["deployments.id"] = UniqueKey.DeploymentId,
        ["deployments.application, deployments.deployment_group"] = UniqueKey.ActiveDeploymentPerGroup,
        ["tokens.id"] = UniqueKey.TokenId,
        ["tokens.hash"] = UniqueKey.TokenHash,
    };

    private readonly string connectionString;
    private readonly SemaphoreSlim writeLock;

    private SqliteStore(string fullPath)
    {
        FilePath = fullPath;
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
        writeLock = SqliteWriteLocks.For(fullPath);
    }

    public string FilePath { get; }

    protected override string IdentityColumn => "INTEGER PRIMARY KEY AUTOINCREMENT";

    protected override string OrdinalCollation => "COLLATE BINARY";

    protected override string TableExistsSql => "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @name";

    /// <summary>Opens (creating the file and its directory if needed) the database at <paramref name="path"/>.</summary>
    public static SqliteStore Open(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return new SqliteStore(full);
    }

    /// <summary>The value of a pragma on a fresh connection (for tests: journal_mode, synchronous, foreign_keys...).</summary>
    internal async Task<string> PragmaAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + name;
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    protected override async Task<WriteScope> BeginWriteAsync(CancellationToken cancellationToken)
    {
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            var connection = (SqliteConnection)await OpenConnectionAsync(cancellationToken);
            try
            {
                // deferred: false is BEGIN IMMEDIATE: take the write lock now, not at the first write.
                return new WriteScope(connection, connection.BeginTransaction(deferred: false), () => writeLock.Release());
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }
        catch
        {
            writeLock.Release();
            throw;
        }
    }

    /// <summary>No extra lock: each migration re-checks <c>schema_migrations</c> inside its BEGIN IMMEDIATE transaction.</summary>
    protected override Task<IAsyncDisposable> AcquireMigrationLockAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable>(NoLock.Instance);

    /// <summary>SQLite names the columns, not the index: "SQLite Error 19: 'UNIQUE constraint failed: tokens.hash'."</summary>
    protected override UniqueKey? UniqueViolation(DbException exception)
    {
        const string Marker = "UNIQUE constraint failed: ";
        if (exception is not SqliteException { SqliteErrorCode: 19 } sqlite)
        {
            return null;
        }
        var at = sqlite.Message.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }
        var columns = sqlite.Message[(at + Marker.Length)..].TrimEnd('.', '\'', ' ');
        return UniqueKeys.GetValueOrDefault(columns, UniqueKey.Other);
    }

    /// <summary>Closes this file's pooled connections so the file can be moved or deleted.</summary>
    public override ValueTask DisposeAsync()
    {
        using (var connection = new SqliteConnection(connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }
        return ValueTask.CompletedTask;
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static NoLock Instance { get; } = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
