namespace DataPrepWorkflows.Persistence.Sql;

/// <summary>Journals read by root instance and position (the primary key), so a live feed's poll is one range read.</summary>
internal sealed class SqlJournalStore(SqlDatabase database) : IJournalStore
{
    public Task<JournalPage> ReadAsync(string rootInstanceId, long afterPosition, int limit, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection =>
            {
                var rows = await connection.Command(
                    $"SELECT {JournalRows.Columns} FROM journal WHERE root_instance_id = @root AND position > @after ORDER BY position LIMIT @limit")
                    .With("@root", rootInstanceId).With("@after", afterPosition).With("@limit", Math.Max(1, limit))
                    .ListAsync(r => (Entry: JournalRows.Map(r), Position: r.Long(8)), cancellationToken);
                return new JournalPage(rows.Select(r => r.Entry).ToList(), rows.Count == 0 ? afterPosition : rows[^1].Position);
            },
            cancellationToken);
}
