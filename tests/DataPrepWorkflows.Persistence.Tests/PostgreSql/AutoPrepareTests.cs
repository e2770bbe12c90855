using DataPrepWorkflows.Persistence.PostgreSql;
using Npgsql;

namespace DataPrepWorkflows.Persistence.Tests.PostgreSql;

/// <summary>Npgsql's automatic preparation is on by default and left as the connection string sets it.</summary>
public sealed class AutoPrepareTests
{
    [Fact]
    public void A_connection_string_without_it_gets_automatic_preparation()
    {
        var builder = Prepared("Host=db;Database=dataprep");

        Assert.Equal(PostgreSqlDatabase.AutoPreparedStatements, builder.MaxAutoPrepare);
        Assert.Equal(2, builder.AutoPrepareMinUsages);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0, 2)]
    [InlineData("Host=db;maxautoprepare=7;Auto Prepare Min Usages=9", 7, 9)]
    [InlineData("Host=db;AutoPrepareMinUsages=4", PostgreSqlDatabase.AutoPreparedStatements, 4)]
    public void Settings_the_connection_string_gives_are_kept(string connectionString, int maxAutoPrepare, int minUsages)
    {
        var builder = Prepared(connectionString);

        Assert.Equal((maxAutoPrepare, minUsages), (builder.MaxAutoPrepare, builder.AutoPrepareMinUsages));
    }

    private static NpgsqlConnectionStringBuilder Prepared(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        PostgreSqlDatabase.PrepareAutomatically(builder, connectionString);
        return builder;
    }
}
