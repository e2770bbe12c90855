namespace DataPrepWorkflows.Persistence.Sql;

/// <summary>The append-only audit log, newest first by its sequence.</summary>
internal sealed class SqlAuditLog(SqlDatabase database) : IAuditLog
{
    private const string Columns = "seq, recorded_at, actor, role, action, target, details_json, remote_address";

    public Task AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return database.WriteAsync(
            (connection, transaction) => connection.Command(
                "INSERT INTO audit_log (recorded_at, actor, role, action, target, details_json, remote_address) VALUES (@at, @actor, @role, @action, @target, @details, @remote)",
                transaction)
                .With("@at", record.Timestamp).With("@actor", record.Actor).With("@role", record.Role).With("@action", record.Action)
                .With("@target", record.Target).With("@details", record.DetailsJson).With("@remote", record.RemoteAddress)
                .RunAsync(cancellationToken),
            cancellationToken);
    }

    public Task<Page<AuditRecord>> ListAsync(string? actor, string? target, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        var size = PageTokens.PageSize(pageSize);
        return database.ReadAsync(
            async connection =>
            {
                var command = connection.Command(string.Empty).With("@limit", size + 1);
                var where = new List<string>();
                if (actor is not null)
                {
                    where.Add("actor = @actor");
                    command.With("@actor", actor);
                }

                if (target is not null)
                {
                    where.Add("target = @target");
                    command.With("@target", target);
                }

                if (pageToken is not null)
                {
                    where.Add("seq < @after");
                    command.With("@after", PageTokens.Decode(pageToken).Number);
                }

                var filter = where.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", where);
                command.CommandText = $"SELECT {Columns} FROM audit_log{filter} ORDER BY seq DESC LIMIT @limit";
                var items = await command.ListAsync(Map, cancellationToken);
                string? next = null;
                if (items.Count > size)
                {
                    next = PageTokens.Encode(items[size - 1].Sequence, string.Empty);
                    items.RemoveAt(size);
                }

                return new Page<AuditRecord>(items, next);
            },
            cancellationToken);
    }

    private static AuditRecord Map(System.Data.Common.DbDataReader reader) => new(
        reader.Time(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.TextOrNull(6), reader.TextOrNull(7))
    {
        Sequence = reader.Long(0),
    };
}
