using System.Data.Common;
using DataPrepWorkflows.Engine.Execution;

namespace DataPrepWorkflows.Persistence.Sql;

/// <summary>
/// Commands and value conversions both providers share: times are UTC ticks (64-bit, exact, index-friendly), flags
/// are 0/1 integers, enums their numbers.
/// </summary>
internal static class SqlCommands
{
    public static DbCommand Command(this DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        if (connection is IStatementCache cache)
        {
            return cache.Command(sql, transaction);
        }

        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = ToDb(value);
        command.Parameters.Add(parameter);
        return command;
    }

    public static void Set(this DbCommand command, string name, object? value) => command.Parameters[name].Value = ToDb(value);

    public static async Task<int> RunAsync(this DbCommand command, CancellationToken cancellationToken)
    {
        await using (command)
        {
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public static async Task<object?> ScalarAsync(this DbCommand command, CancellationToken cancellationToken)
    {
        await using (command)
        {
            var value = await command.ExecuteScalarAsync(cancellationToken);
            return value is DBNull ? null : value;
        }
    }

    public static async Task<List<T>> ListAsync<T>(this DbCommand command, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using (command)
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var items = new List<T>();
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(map(reader));
            }

            return items;
        }
    }

    public static async Task<T?> FirstAsync<T>(this DbCommand command, Func<DbDataReader, T> map, CancellationToken cancellationToken)
        where T : class
    {
        var items = await command.ListAsync(map, cancellationToken);
        return items.Count == 0 ? null : items[0];
    }

    public static long Ticks(DateTimeOffset value) => value.UtcTicks;

    public static DateTimeOffset Time(this DbDataReader reader, int ordinal) => new(reader.GetInt64(ordinal), TimeSpan.Zero);

    public static DateTimeOffset? TimeOrNull(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.Time(ordinal);

    public static string? TextOrNull(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static bool Flag(this DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture) != 0;

    public static int Int(this DbDataReader reader, int ordinal) => Convert.ToInt32(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    public static long Long(this DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary><c>(@p0, @p1, …)</c> with the values added, for <c>IN</c> lists.</summary>
    public static string InList<T>(this DbCommand command, string prefix, IReadOnlyList<T> values)
    {
        var names = new string[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            names[i] = $"@{prefix}{i}";
            command.With(names[i], values[i]);
        }

        return "(" + string.Join(", ", names) + ")";
    }

    /// <summary>A value as the store writes it (ticks, 0/1, numbers).</summary>
    public static object ToDb(object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset time => time.UtcTicks,
        bool flag => flag ? 1 : 0,
        WorkflowStatus status => (int)status,
        WorkKind kind => (int)kind,
        ReadOnlyMemory<byte> bytes => bytes.ToArray(),
        _ => value,
    };
}
