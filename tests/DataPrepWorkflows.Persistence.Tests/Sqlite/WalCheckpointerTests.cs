using DataPrepWorkflows.Persistence.Sql;
using DataPrepWorkflows.Persistence.Sqlite;
using DataPrepWorkflows.Persistence.Tests.Testing;

namespace DataPrepWorkflows.Persistence.Tests.Sqlite;

/// <summary>The write-ahead log is checkpointed in the background a moment after writes, not by a commit.</summary>
public sealed class WalCheckpointerTests() : TemporarySqliteDatabase("wal")
{
    [Fact]
    public async Task Connections_leave_checkpoints_to_the_checkpointer()
    {
        await using var connection = await Database.OpenAsync(default);

        Assert.Equal(0L, await connection.Command("PRAGMA wal_autocheckpoint").ScalarAsync(default));
    }

    [Fact]
    public async Task Writes_are_copied_into_the_database_file_shortly_after_they_commit_and_not_while_idle()
    {
        await using (var connection = await Database.OpenAsync(default))
        {
            await Database.EnterMigrationAsync(connection, default);
        }

        await Database.WriteAsync((c, t) => c.Command("CREATE TABLE t (v BLOB)", t).RunAsync(default), default);
        await WaitForCheckpointsAsync(1);
        var before = Database.Checkpointer.Checkpoints;
        var size = new FileInfo(DatabasePath).Length;

        // Fewer pages than SQLite's own automatic checkpoint would wait for (1,000).
        for (var i = 0; i < 20; i++)
        {
            await Database.WriteAsync((c, t) => c.Command("INSERT INTO t (v) VALUES (randomblob(3000))", t).RunAsync(default), default);
        }

        // Until a checkpoint copies them, the new pages are only in the log: the database file grows when it runs.
        await WaitForCheckpointsAsync(before + 1);
        Assert.True(new FileInfo(DatabasePath).Length >= size + (20 * 3000), "the checkpoint copied the written pages into the database file");

        // Idle: no further checkpoint is run.
        var after = Database.Checkpointer.Checkpoints;
        await Task.Delay(WalCheckpointer.Interval * 3);
        Assert.Equal(after, Database.Checkpointer.Checkpoints);
    }

    [Fact]
    public async Task Under_steady_writes_the_log_starts_over_instead_of_growing()
    {
        await using (var connection = await Database.OpenAsync(default))
        {
            await Database.EnterMigrationAsync(connection, default);
        }

        await Database.WriteAsync((c, t) => c.Command("CREATE TABLE t (v BLOB)", t).RunAsync(default), default);

        // Writes without a pause (until the log has started over twice, for at most 20 seconds): a checkpoint beside
        // them never reaches the end of the log, so only the pass inside the writer turn lets SQLite start the log
        // over. Each time it does, the checkpoint sequence number in the log's header (bytes 12–15) goes up; a log that
        // is never started over keeps its first one.
        var sequences = new HashSet<uint>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (sequences.Count < 3 && watch.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Database.WriteAsync((c, t) => c.Command("INSERT INTO t (v) VALUES (randomblob(20000))", t).RunAsync(default), default);
            sequences.Add(CheckpointSequence());
        }

        Assert.True(sequences.Count >= 3, $"the log started over {sequences.Count - 1} times in {watch.Elapsed.TotalSeconds:F0} seconds of writes ({Database.Checkpointer.Checkpoints} checkpoints)");
    }

    private uint CheckpointSequence()
    {
        using var log = new FileStream(DatabasePath + "-wal", FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        Span<byte> header = stackalloc byte[16];
        log.ReadExactly(header);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header[12..]);
    }

    private async Task WaitForCheckpointsAsync(long count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (Database.Checkpointer.Checkpoints < count)
        {
            Assert.True(DateTime.UtcNow < deadline, "no checkpoint ran within 30 seconds of a write");
            await Task.Delay(20);
        }
    }
}
