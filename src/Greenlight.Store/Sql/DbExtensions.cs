using System.Data;
using System.Data.Common;
using System.Globalization;

namespace Greenlight.Store.Sql;

/// <summary>
/// Typed parameters and column reads shared by both engines. Times are BIGINT unix milliseconds (UTC); flags are
/// INTEGER 0/1. Parameters carry their DbType so a null still has a type PostgreSQL can infer.
/// </summary>
internal static class DbExtensions
{
    public static DbCommand With(this DbCommand command, string name, string? value) =>
        command.Add(name, DbType.String, value);

    public static DbCommand With(this DbCommand command, string name, long? value) =>
        command.Add(name, DbType.Int64, value);

    public static DbCommand With(this DbCommand command, string name, DateTimeOffset? value) =>
        command.Add(name, DbType.Int64, value?.ToUnixTimeMilliseconds());

    public static DbCommand With(this DbCommand command, string name, bool value) =>
        command.Add(name, DbType.Int32, value ? 1 : 0);

    public static async Task<int> ExecuteAsync(this DbCommand command, CancellationToken cancellationToken)
    {
        await using (command)
        {
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public static async Task<long> ScalarLongAsync(this DbCommand command, CancellationToken cancellationToken)
    {
        await using (command)
        {
            var value = await command.ExecuteScalarAsync(cancellationToken);
            return value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
        }
    }

    public static async Task<List<T>> ListAsync<T>(this DbCommand command, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using (command)
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(map(reader));
            }
            return rows;
        }
    }

    public static async Task<T?> SingleOrDefaultAsync<T>(this DbCommand command, Func<DbDataReader, T> map, CancellationToken cancellationToken)
        where T : class
    {
        var rows = await command.ListAsync(map, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public static DateTimeOffset Time(this DbDataReader reader, int ordinal) =>
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    public static DateTimeOffset? NullableTime(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.Time(ordinal);

    public static string? NullableString(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static bool Flag(this DbDataReader reader, int ordinal) =>
        Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture) != 0;

    private static DbCommand Add(this DbCommand command, string name, DbType type, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }
}
