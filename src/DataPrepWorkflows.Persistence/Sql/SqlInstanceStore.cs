using System.Data.Common;
using DataPrepWorkflows.Engine.Execution;

namespace DataPrepWorkflows.Persistence.Sql;

/// <summary>
/// Instances: lookups by id, keyset-paged listings newest first (every filter has an index ending in
/// <c>created_at, instance_id</c>, so a first page reads one index range however many instances exist), retention.
/// </summary>
internal sealed class SqlInstanceStore(SqlDatabase database) : IInstanceStore
{
    private static readonly WorkflowStatus[] Finished = [WorkflowStatus.Finished, WorkflowStatus.Faulted, WorkflowStatus.Cancelled];

    // Everything an instance owns, deleted with it (the instance row last).
    private static readonly (string Table, string Column)[] Owned =
    [
        ("journal_chunks", "instance_id"),
        ("journal_heads", "root_instance_id"),
        ("bookmarks", "instance_id"),
        ("incidents", "instance_id"),
        ("instance_leases", "instance_id"),
        ("work_items", "instance_id"),
        ("instances", "instance_id"),
    ];

    public Task<InstanceRecord?> GetAsync(string instanceId, CancellationToken cancellationToken) =>
        database.ReadAsync(
            connection => connection.Command($"SELECT {InstanceRows.Columns}, state FROM instances WHERE instance_id = @id")
                .With("@id", instanceId).FirstAsync(r => InstanceRows.Map(r, withState: true), cancellationToken),
            cancellationToken);

    public Task<Page<InstanceRecord>> ListAsync(InstanceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pageSize = PageTokens.PageSize(query.PageSize);
        return database.ReadAsync(
            async connection =>
            {
                var command = connection.Command(string.Empty);
                var filters = Filters(command, query);
                var where = new List<string>(filters);
                if (query.PageToken is not null)
                {
                    var (ticks, id) = PageTokens.Decode(query.PageToken);
                    where.Add("(created_at, instance_id) < (@afterCreated, @afterId)");
                    command.With("@afterCreated", ticks).With("@afterId", id);
                }

                command.CommandText = $"SELECT {InstanceRows.Columns} FROM instances{Where(where)} ORDER BY created_at DESC, instance_id DESC LIMIT @limit";
                command.With("@limit", pageSize + 1);
                var items = await command.ListAsync(r => InstanceRows.Map(r, withState: false), cancellationToken);
                string? next = null;
                if (items.Count > pageSize)
                {
                    var last = items[pageSize - 1];
                    next = PageTokens.Encode(last.CreatedAt.UtcTicks, last.InstanceId);
                    items.RemoveAt(pageSize);
                }

                long? total = null;
                if (query.IncludeTotal)
                {
                    var count = connection.Command(string.Empty);
                    count.CommandText = $"SELECT COUNT(*) FROM instances{Where(Filters(count, query))}";
                    total = Convert.ToInt64(await count.ScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
                }

                return new Page<InstanceRecord>(items, next, total);
            },
            cancellationToken);
    }

    public Task<int> CountActiveAsync(string workflowId, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection => Convert.ToInt32(
                await connection.Command("SELECT COUNT(*) FROM instances WHERE workflow_id = @id AND status IN (@running, @suspended)")
                    .With("@id", workflowId).With("@running", WorkflowStatus.Running).With("@suspended", WorkflowStatus.Suspended)
                    .ScalarAsync(cancellationToken),
                System.Globalization.CultureInfo.InvariantCulture),
            cancellationToken);

    public Task<int> DeleteFinishedAsync(DateTimeOffset finishedBefore, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                var select = connection.Command(string.Empty, transaction).With("@before", finishedBefore).With("@limit", batchSize);
                select.CommandText = $"SELECT instance_id FROM instances WHERE finished_at < @before AND status IN {select.InList("s", Finished)} ORDER BY finished_at LIMIT @limit{database.ForUpdate}";
                var ids = await select.ListAsync(r => r.GetString(0), cancellationToken);
                if (ids.Count == 0)
                {
                    return 0;
                }

                foreach (var (table, column) in Owned)
                {
                    var delete = connection.Command(string.Empty, transaction);
                    delete.CommandText = $"DELETE FROM {table} WHERE {column} IN {delete.InList("i", ids)}";
                    await delete.RunAsync(cancellationToken);
                }

                return ids.Count;
            },
            cancellationToken);
    }

    private static string Where(IReadOnlyList<string> conditions) => conditions.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", conditions);

    private static List<string> Filters(DbCommand command, InstanceQuery query)
    {
        var where = new List<string>();
        if (query.WorkflowId is not null)
        {
            where.Add("workflow_id = @workflow");
            command.With("@workflow", query.WorkflowId);
            if (query.WorkflowVersion is { } version)
            {
                where.Add("workflow_version = @version");
                command.With("@version", version);
            }
        }

        if (query.Statuses.Count == 1)
        {
            where.Add("status = @status");
            command.With("@status", query.Statuses[0]);
        }
        else if (query.Statuses.Count > 1)
        {
            where.Add("status IN " + command.InList("s", query.Statuses.Distinct().ToList()));
        }

        if (query.CorrelationId is not null)
        {
            where.Add("correlation_id = @correlation");
            command.With("@correlation", query.CorrelationId);
        }

        if (query.ParentInstanceId is not null)
        {
            where.Add("parent_instance_id = @parent");
            command.With("@parent", query.ParentInstanceId);
        }

        if (query.CreatedFrom is { } from)
        {
            where.Add("created_at >= @from");
            command.With("@from", from);
        }

        if (query.CreatedBefore is { } before)
        {
            where.Add("created_at < @before");
            command.With("@before", before);
        }

        return where;
    }
}
