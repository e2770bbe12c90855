namespace DataPrepWorkflows.Persistence.Sql;

/// <summary>
/// One root's share of a commit's journal, packed: <paramref name="Count"/> entries in chunks whose positions run
/// from <paramref name="Lo"/>[i] to <paramref name="Hi"/>[i] counted from 1 (the root's head before the commit is added
/// when they are written), each chunk's instance and packed entries (<see cref="JournalChunk.Pack"/>). These are the
/// parallel arrays <see cref="JournalRows.AppendRootSql"/> takes.
/// </summary>
internal sealed record JournalRoot(string Root, long Count, long[] Lo, long[] Hi, string[] Instances, string[] Entries);
