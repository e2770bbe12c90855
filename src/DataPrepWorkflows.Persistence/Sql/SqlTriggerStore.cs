namespace DataPrepWorkflows.Persistence.Sql;

/// <summary>The trigger index and its stamp (bumped in the same transaction as every change).</summary>
internal sealed class SqlTriggerStore(SqlDatabase database) : ITriggerStore
{
    private const string Columns = "workflow_id, version, trigger_index, trigger_type, trigger_key, payload_json";

    public Task ReplaceAsync(string workflowId, IReadOnlyList<StoredTrigger> triggers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(triggers);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                await connection.Command("DELETE FROM triggers WHERE workflow_id = @id", transaction).With("@id", workflowId).RunAsync(cancellationToken);
                foreach (var trigger in triggers)
                {
                    await connection.Command($"INSERT INTO triggers ({Columns}) VALUES (@id, @version, @index, @type, @key, @payload)", transaction)
                        .With("@id", workflowId).With("@version", trigger.Version).With("@index", trigger.Index)
                        .With("@type", trigger.TriggerType).With("@key", trigger.Key).With("@payload", trigger.PayloadJson)
                        .RunAsync(cancellationToken);
                }

                return await connection.Command("UPDATE trigger_stamp SET stamp = stamp + 1 WHERE id = 1", transaction).RunAsync(cancellationToken);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<StoredTrigger>> ListAsync(string? triggerType, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<StoredTrigger>>(
            async connection =>
            {
                var command = triggerType is null
                    ? connection.Command($"SELECT {Columns} FROM triggers ORDER BY workflow_id, trigger_index")
                    : connection.Command($"SELECT {Columns} FROM triggers WHERE trigger_type = @type ORDER BY workflow_id, trigger_index").With("@type", triggerType);
                return await command.ListAsync(Map, cancellationToken);
            },
            cancellationToken);

    public Task<IReadOnlyList<StoredTrigger>> FindAsync(string triggerType, string key, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<StoredTrigger>>(
            async connection => await connection.Command($"SELECT {Columns} FROM triggers WHERE trigger_type = @type AND trigger_key = @key ORDER BY workflow_id, trigger_index")
                .With("@type", triggerType).With("@key", key).ListAsync(Map, cancellationToken),
            cancellationToken);

    public Task<long> GetStampAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection => Convert.ToInt64(await connection.Command("SELECT stamp FROM trigger_stamp WHERE id = 1").ScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture),
            cancellationToken);

    private static StoredTrigger Map(System.Data.Common.DbDataReader reader) => new(
        reader.GetString(0), reader.Int(1), reader.Int(2), reader.GetString(3), reader.TextOrNull(4), reader.GetString(5));
}
