namespace DataPrepWorkflows.Persistence.Sql;

/// <summary>
/// Journals read by root instance and chunk end position (the primary key), so a live feed's poll is one range read:
/// the chunks ending after the position, each holding at least one entry, so <c>limit</c> chunks hold enough.
/// </summary>
internal sealed class SqlJournalStore(SqlDatabase database) : IJournalStore
{
    public Task<JournalPage> ReadAsync(string rootInstanceId, long afterPosition, int limit, CancellationToken cancellationToken)
    {
        limit = Math.Max(1, limit);
        return database.ReadAsync(
            async connection =>
            {
                var chunks = await connection.Command(JournalRows.ReadSql)
                    .With("@root", rootInstanceId).With("@after", afterPosition).With("@limit", limit)
                    .ListAsync(r => (First: r.Long(0), Instance: r.GetString(1), Entries: r.GetString(2)), cancellationToken);
                var entries = new List<JournalRecord>();
                var last = afterPosition;
                foreach (var chunk in chunks)
                {
                    if (entries.Count == limit)
                    {
                        break;
                    }

                    last = JournalChunk.Unpack(chunk.Entries, rootInstanceId, chunk.Instance, chunk.First, last, limit, entries);
                }

                return new JournalPage(entries, last);
            },
            cancellationToken);
    }
}
