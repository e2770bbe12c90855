using DataPrepWorkflows.Activities.QualityGate;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Activities.Tests.QualityGate;

/// <summary>How the data under evaluation becomes <c>primary</c>: a view over one explicit file read, or a table.</summary>
public sealed class PrimarySourceTests : IDisposable
{
    private readonly DqFixture _fixture = new();

    [Fact]
    public async Task OneCsvFile_IsAViewOverAnExplicitRead_WithTheSniffedTypes()
    {
        using var session = DuckDbSession.Open();
        var path = _fixture.Write("people.csv", DqFixture.People);

        var primary = await PrimarySource.OpenAsync(session, session.Open(path), needsTable: false, CancellationToken.None);

        Assert.NotNull(primary.Relation);
        Assert.Contains("auto_detect=false", primary.Relation, StringComparison.Ordinal);
        var sniffed = await session.Open(path).GetSchemaAsync();
        Assert.Equal(sniffed.Columns.Select(c => (c.Name, c.DuckDbType.ToSql())), primary.Schema.Columns.Select(c => (c.Name, c.DuckDbType.ToSql())));
        var rows = await session.QueryAsync($"SELECT CAST(count(*) AS DOUBLE), CAST(sum(age) AS DOUBLE), CAST(max(joined) AS VARCHAR) FROM {DqSql.Primary}");
        Assert.Equal(new object?[] { 5.0, 153.0, "2026-01-15" }, rows.Rows[0]);
        await primary.DropAsync();
        await Assert.ThrowsAsync<DataPlane.DuckDb.DuckDbException>(() => session.QueryAsync($"SELECT 1 FROM {DqSql.Primary}"));
    }

    [Fact]
    public async Task SemicolonsAndQuotes_ReadAsTheDataPlaneReadsThem()
    {
        using var session = DuckDbSession.Open();
        var path = _fixture.Write("quoted.csv", """"
            id;label;amount
            1;"a; b";1,5
            2;"say ""hi""";2
            """");

        var primary = await PrimarySource.OpenAsync(session, session.Open(path), needsTable: false, CancellationToken.None);

        Assert.NotNull(primary.Relation);
        var viaView = await session.QueryAsync($"SELECT * FROM {DqSql.Primary} ORDER BY id");
        var viaDataPlane = await session.QueryAsync($"SELECT * FROM {session.Open(path).Relation} ORDER BY id");
        Assert.Equal(viaDataPlane.Rows, viaView.Rows);
        Assert.Equal("say \"hi\"", viaView.Rows[1][1]);
    }

    [Fact]
    public async Task Parquet_IsAView()
    {
        using var session = DuckDbSession.Open();
        var parquet = Path.Combine(_fixture.Root, "people.parquet");
        await session.Open(_fixture.Write("people.csv", DqFixture.People)).WriteAsync(parquet);

        var primary = await PrimarySource.OpenAsync(session, session.Open(parquet), needsTable: false, CancellationToken.None);

        Assert.StartsWith("read_parquet(", primary.Relation, StringComparison.Ordinal);
        Assert.Equal(7, primary.Schema.Columns.Count);
    }

    [Fact]
    public async Task JsonLinesSeveralCsvFilesAndRowLevelOutputs_AreReadIntoATable()
    {
        using var session = DuckDbSession.Open();
        var json = _fixture.Write("people.jsonl", "{\"id\": 1, \"age\": 30}\n{\"id\": 2, \"age\": null}");
        _fixture.Write(Path.Combine("parts", "a.csv"), "id,age\n1,30");
        _fixture.Write(Path.Combine("parts", "b.csv"), "id,age\n2,40");
        var csv = _fixture.Write("people.csv", DqFixture.People);

        foreach (var (dataset, needsTable, rows) in new[]
        {
            (session.Open(json), false, 2L),
            (session.Open(Path.Combine(_fixture.Root, "parts")), false, 2L),
            (session.Open(csv), true, 5L),
        })
        {
            var primary = await PrimarySource.OpenAsync(session, dataset, needsTable, CancellationToken.None);

            Assert.Null(primary.Relation);
            var count = await session.QueryAsync($"SELECT count(*) FROM {DqSql.Primary}");
            Assert.Equal(rows, count.Rows[0][0]);
            await primary.DropAsync();
        }
    }

    [Fact]
    public async Task Materialize_TurnsTheViewIntoATableWithTheSameRows()
    {
        using var session = DuckDbSession.Open();
        var primary = await PrimarySource.OpenAsync(
            session, session.Open(_fixture.Write("people.csv", DqFixture.People)), needsTable: false, CancellationToken.None);

        await primary.MaterializeAsync(CancellationToken.None);

        Assert.Null(primary.Relation);
        var kind = await session.QueryAsync("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'primary'");
        Assert.Equal(1L, kind.Rows[0][0]);
        var rows = await session.QueryAsync($"SELECT count(*) FROM {DqSql.Primary}");
        Assert.Equal(5L, rows.Rows[0][0]);
    }

    public void Dispose() => _fixture.Dispose();
}
