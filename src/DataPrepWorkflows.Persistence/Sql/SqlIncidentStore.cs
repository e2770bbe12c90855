namespace DataPrepWorkflows.Persistence.Sql;

/// <summary>Incidents per instance, and the open ones across instances newest first.</summary>
internal sealed class SqlIncidentStore(SqlDatabase database) : IIncidentStore
{
    public Task<IReadOnlyList<IncidentRecord>> ListForInstanceAsync(string instanceId, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<IncidentRecord>>(
            async connection => await connection.Command($"SELECT {IncidentRows.Columns} FROM incidents WHERE instance_id = @id ORDER BY created_at, incident_id")
                .With("@id", instanceId).ListAsync(IncidentRows.Map, cancellationToken),
            cancellationToken);

    public Task<Page<IncidentRecord>> ListOpenAsync(int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        var size = PageTokens.PageSize(pageSize);
        return database.ReadAsync(
            async connection =>
            {
                var command = connection.Command(string.Empty).With("@limit", size + 1);
                var after = string.Empty;
                if (pageToken is not null)
                {
                    var (ticks, id) = PageTokens.Decode(pageToken);
                    after = " AND (created_at, incident_id) < (@afterCreated, @afterId)";
                    command.With("@afterCreated", ticks).With("@afterId", id);
                }

                command.CommandText = $"SELECT {IncidentRows.Columns} FROM incidents WHERE resolved_at IS NULL{after} ORDER BY created_at DESC, incident_id DESC LIMIT @limit";
                var items = await command.ListAsync(IncidentRows.Map, cancellationToken);
                string? next = null;
                if (items.Count > size)
                {
                    next = PageTokens.Encode(items[size - 1].CreatedAt.UtcTicks, items[size - 1].IncidentId);
                    items.RemoveAt(size);
                }

                return new Page<IncidentRecord>(items, next);
            },
            cancellationToken);
    }

    public Task<int> ResolveAsync(string instanceId, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync(
            (connection, transaction) => connection.Command("UPDATE incidents SET resolved_at = @at WHERE instance_id = @id AND resolved_at IS NULL", transaction)
                .With("@at", at).With("@id", instanceId).RunAsync(cancellationToken),
            cancellationToken);
}
