namespace DataPrepWorkflows.Persistence.Sql;

/// <summary>Pending bookmarks: lookups by stimulus, and the exactly-once resume.</summary>
internal sealed class SqlBookmarkStore(SqlDatabase database) : IBookmarkStore
{
    public Task<IReadOnlyList<BookmarkRecord>> FindAsync(BookmarkQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return database.ReadAsync<IReadOnlyList<BookmarkRecord>>(
            async connection =>
            {
                var command = connection.Command(string.Empty);
                var where = new List<string>();
                Add(where, command, "activity_type", "@type", query.ActivityType);
                Add(where, command, "stimulus_key", "@key", query.Key);
                Add(where, command, "instance_id", "@instance", query.InstanceId);
                Add(where, command, "workflow_id", "@workflow", query.WorkflowId);
                var filter = where.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", where);
                command.CommandText = $"SELECT {BookmarkRows.Columns} FROM bookmarks{filter} ORDER BY created_at, bookmark_id LIMIT @limit";
                command.With("@limit", Math.Max(1, query.Limit));
                return await command.ListAsync(BookmarkRows.Map, cancellationToken);
            },
            cancellationToken);
    }

    public Task<BookmarkRecord?> GetAsync(string bookmarkId, CancellationToken cancellationToken) =>
        database.ReadAsync(
            connection => connection.Command($"SELECT {BookmarkRows.Columns} FROM bookmarks WHERE bookmark_id = @id")
                .With("@id", bookmarkId).FirstAsync(BookmarkRows.Map, cancellationToken),
            cancellationToken);

    public Task<bool> ResumeAsync(string bookmarkId, WorkItemRecord resume, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resume);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                // The delete is the decision: concurrent callers serialize on the row and only one sees it deleted.
                var removed = await connection.Command("DELETE FROM bookmarks WHERE bookmark_id = @id", transaction)
                    .With("@id", bookmarkId).RunAsync(cancellationToken);
                if (removed != 1)
                {
                    return false;
                }

                await WorkItemRows.InsertAsync(connection, transaction, resume with { BookmarkId = resume.BookmarkId ?? bookmarkId }, openBatch: false, cancellationToken);
                return true;
            },
            cancellationToken);
    }

    private static void Add(List<string> where, System.Data.Common.DbCommand command, string column, string parameter, string? value)
    {
        if (value is not null)
        {
            where.Add($"{column} = {parameter}");
            command.With(parameter, value);
        }
    }
}
