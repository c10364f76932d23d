using System.Data.Common;

namespace Greenlight.Store.Sql;

/// <summary>
/// One write transaction on its own connection. Disposing without <see cref="CommitAsync"/> rolls back; disposing
/// also releases whatever serializes writers (SQLite's process-wide write lock).
/// </summary>
internal sealed class WriteScope(DbConnection connection, DbTransaction transaction, Action? release) : IAsyncDisposable
{
    public DbCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
        finally
        {
            release?.Invoke();
        }
    }
}
