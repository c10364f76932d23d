using System.Data.Common;
using Greenlight.Engine.Storage;

namespace Greenlight.Store.Sql;

/// <summary>
/// <see cref="IGreenlightStore"/> over plain ADO.NET, with the SQL written once (the partial files hold one area
/// each). A dialect supplies connections, the write transaction, the identity column and the unique-key names.
/// Every state write runs in one <see cref="WriteScope"/> together with its audit row.
/// </summary>
internal abstract partial class SqlStore : IGreenlightStore
{
    /// <summary>Column type of <c>audit.id</c>: an auto-numbered primary key.</summary>
    protected abstract string IdentityColumn { get; }

    /// <summary>The collation clause that orders text by bytes (code points), the same on both engines.</summary>
    protected abstract string OrdinalCollation { get; }

    /// <summary>Counts the tables named <c>@name</c> in the current schema.</summary>
    protected abstract string TableExistsSql { get; }

    /// <summary>A connection ready to use (SQLite: with its pragmas set).</summary>
    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Starts a write transaction; concurrent writers wait for it rather than fail.</summary>
    protected abstract Task<WriteScope> BeginWriteAsync(CancellationToken cancellationToken);

    /// <summary>Held while migrating so two servers starting together do not both migrate.</summary>
    protected abstract Task<IAsyncDisposable> AcquireMigrationLockAsync(CancellationToken cancellationToken);

    /// <summary>Which unique key <paramref name="exception"/> violated, or null if it is not a unique violation.</summary>
    protected abstract UniqueKey? UniqueViolation(DbException exception);

    public abstract ValueTask DisposeAsync();

    /// <summary>A read-only command on a fresh connection (one statement, so no transaction), closed when read.</summary>
    protected async Task<List<T>> QueryAsync<T>(string sql, Action<DbCommand> bind, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        return await command.ListAsync(map, cancellationToken);
    }

    protected async Task<T?> QuerySingleAsync<T>(string sql, Action<DbCommand> bind, Func<DbDataReader, T> map, CancellationToken cancellationToken)
        where T : class
    {
        var rows = await QueryAsync(sql, bind, map, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    protected async Task<long> ScalarAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        return await command.ScalarLongAsync(cancellationToken);
    }

    private static Task InsertAuditAsync(WriteScope write, AuditEntry audit, CancellationToken cancellationToken) =>
        write.Command("INSERT INTO audit (at, actor, action, target, detail) VALUES (@at, @actor, @action, @target, @detail)")
            .With("@at", audit.At)
            .With("@actor", audit.Actor)
            .With("@action", audit.Action)
            .With("@target", audit.Target)
            .With("@detail", audit.Detail)
            .ExecuteAsync(cancellationToken);

    private static int CheckLimit(int limit, int max = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return Math.Min(limit, max);
    }

    private static void None(DbCommand command)
    {
    }
}
