using DataPrepWorkflows.Persistence.Sql;
using DataPrepWorkflows.Persistence.Tests.Testing;
using DataPrepWorkflows.Testing.PostgreSql;
using Npgsql;

namespace DataPrepWorkflows.Persistence.Tests.PostgreSql;

/// <summary>A write chosen as a deadlock's victim is run again (claims can meet on lease rows); nothing else is.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class DeadlockRetryTests(PostgreSqlFixture postgres)
{
    private static PostgresException Deadlock() => new("deadlock detected", "ERROR", "ERROR", PostgresErrorCodes.DeadlockDetected);

    [Fact]
    public async Task A_deadlock_victim_is_written_again_and_its_first_attempt_left_nothing()
    {
        await using var store = await OpenAsync();
        var database = ((SqlRuntimeStore)store).Database;
        var attempts = 0;

        var result = await database.WriteRetryingDeadlocksAsync(
            async (connection, transaction) =>
            {
                attempts++;
                await connection.Command("INSERT INTO retry_probe (attempt) VALUES (@a)", transaction).With("@a", attempts).RunAsync(default);
                return attempts < 3 ? throw Deadlock() : attempts;
            },
            default);

        Assert.Equal(3, result);
        var written = await database.ReadAsync(
            async connection => await connection.Command("SELECT attempt FROM retry_probe").ListAsync(r => r.GetInt32(0), default),
            default);
        Assert.Equal([3], written);
    }

    [Fact]
    public async Task A_third_deadlock_or_any_other_failure_reaches_the_caller()
    {
        await using var store = await OpenAsync();
        var database = ((SqlRuntimeStore)store).Database;
        var attempts = 0;

        await Assert.ThrowsAsync<PostgresException>(() => database.WriteRetryingDeadlocksAsync<int>((_, _) => { attempts++; throw Deadlock(); }, default));
        Assert.Equal(3, attempts);

        attempts = 0;
        await Assert.ThrowsAsync<PostgresException>(() => database.WriteRetryingDeadlocksAsync<int>(
            (_, _) => { attempts++; throw new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation); },
            default));
        Assert.Equal(1, attempts);
        Assert.False(database.IsDeadlockVictim(new InvalidOperationException()));
    }

    private async Task<IRuntimeStore> OpenAsync()
    {
        var store = await postgres.OpenFreshSchemaAsync(nameof(DeadlockRetryTests), "s_");
        var database = ((SqlRuntimeStore)store).Database;
        await database.WriteAsync(async (connection, transaction) => await connection.Command("CREATE TABLE retry_probe (attempt integer)", transaction).RunAsync(default), default);
        return store;
    }
}
