using DataPrepWorkflows.Persistence.PostgreSql;
using Npgsql;

namespace DataPrepWorkflows.Persistence.Tests.PostgreSql;

/// <summary>Pooled sessions are not reset when handed out again, unless the connection string asks for it.</summary>
public sealed class SessionResetTests
{
    [Fact]
    public void A_connection_string_without_it_skips_the_reset()
    {
        Assert.True(Configured("Host=db;Database=dataprep").NoResetOnClose);
    }

    [Theory]
    [InlineData("Host=db;No Reset On Close=false", false)]
    [InlineData("Host=db;noresetonclose=False", false)]
    [InlineData("Host=db;NoResetOnClose=true", true)]
    public void The_setting_the_connection_string_gives_is_kept(string connectionString, bool expected)
    {
        Assert.Equal(expected, Configured(connectionString).NoResetOnClose);
    }

    private static NpgsqlConnectionStringBuilder Configured(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        PostgreSqlDatabase.KeepSessionsOnClose(builder, connectionString);
        return builder;
    }
}
