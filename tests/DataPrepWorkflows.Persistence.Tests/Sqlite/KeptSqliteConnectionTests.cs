using System.Data;
using DataPrepWorkflows.Persistence.Sql;
using DataPrepWorkflows.Persistence.Sqlite;
using DataPrepWorkflows.Persistence.Tests.Testing;
using Microsoft.Data.Sqlite;

namespace DataPrepWorkflows.Persistence.Tests.Sqlite;

/// <summary>SQLite connections kept open with their prepared statements between uses, and when they are closed instead.</summary>
public sealed class KeptSqliteConnectionTests() : TemporarySqliteDatabase("kept")
{
    private const string Select = "SELECT @a + 1";

    [Fact]
    public async Task A_disposed_connection_comes_back_with_its_prepared_command_and_no_old_parameters()
    {
        var first = await Database.OpenAsync(default);
        var command = first.Command(Select).With("@a", 41L);
        Assert.Equal(42L, await command.ScalarAsync(default));
        await first.DisposeAsync();

        var second = await Database.OpenAsync(default);

        Assert.Same(first, second);
        Assert.Equal(ConnectionState.Open, second.State);
        var again = second.Command(Select);
        Assert.Same(command, again);
        Assert.Empty(again.Parameters);
        Assert.Equal(8L, await again.With("@a", 7L).ScalarAsync(default));
        await second.DisposeAsync();
    }

    [Fact]
    public async Task Kept_commands_run_in_the_transaction_they_are_given_each_time()
    {
        await Database.WriteAsync((c, t) => c.Command("CREATE TABLE t (v INTEGER)", t).RunAsync(default), default);
        for (var i = 0; i < 3; i++)
        {
            await Database.WriteAsync((c, t) => c.Command("INSERT INTO t (v) VALUES (@v)", t).With("@v", (long)i).RunAsync(default), default);
        }

        // A rolled-back transaction leaves nothing, and the kept command still works after it.
        await Assert.ThrowsAsync<InvalidOperationException>(() => Database.WriteAsync<int>(
            async (c, t) =>
            {
                await c.Command("INSERT INTO t (v) VALUES (@v)", t).With("@v", 99L).RunAsync(default);
                throw new InvalidOperationException("abandon");
            },
            default));
        var sum = await Database.ReadAsync(c => c.Command("SELECT SUM(v) FROM t").ScalarAsync(default), default);

        Assert.Equal(3L, sum);
    }

    [Fact]
    public async Task A_connection_disposed_inside_a_transaction_is_closed_not_kept()
    {
        var connection = (SqliteConnection)await Database.OpenAsync(default);
        var transaction = await Database.BeginWriteAsync(connection, default);
        await connection.Command("CREATE TABLE t (v INTEGER)", transaction).RunAsync(default);

        await connection.DisposeAsync();
        var next = await Database.OpenAsync(default);

        Assert.NotSame(connection, next);
        Assert.Equal(ConnectionState.Closed, connection.State);
        await transaction.DisposeAsync();
        Assert.Equal(0L, await next.Command("SELECT COUNT(*) FROM sqlite_master WHERE name = 't'").ScalarAsync(default));
        await next.DisposeAsync();
    }

    [Fact]
    public async Task Disposing_theDatabase_closes_the_kept_connections()
    {
        var connection = await Database.OpenAsync(default);
        await connection.Command("SELECT 1").ScalarAsync(default);
        await connection.DisposeAsync();
        Assert.Equal(ConnectionState.Open, connection.State);

        await Database.DisposeAsync();

        Assert.Equal(ConnectionState.Closed, connection.State);
        File.Delete(DatabasePath);
        Assert.False(File.Exists(DatabasePath));
    }

    [Fact]
    public async Task Texts_past_the_limit_and_empty_texts_get_commands_of_their_own()
    {
        await using var connection = (KeptSqliteConnection)await Database.OpenAsync(default);
        for (var i = 0; i < KeptSqliteConnection.MaxStatements + 5; i++)
        {
            Assert.Equal((long)i, await connection.Command($"SELECT {i}").ScalarAsync(default));
        }

        var beyond = connection.Command($"SELECT {KeptSqliteConnection.MaxStatements + 1}");
        var empty = connection.Command(string.Empty);

        Assert.Equal(KeptSqliteConnection.MaxStatements, connection.StatementCount);
        Assert.NotSame(beyond, connection.Command($"SELECT {KeptSqliteConnection.MaxStatements + 1}"));
        Assert.NotSame(empty, connection.Command(string.Empty));
        empty.CommandText = "SELECT 5";
        Assert.Equal(5L, await empty.ScalarAsync(default));
    }
}
