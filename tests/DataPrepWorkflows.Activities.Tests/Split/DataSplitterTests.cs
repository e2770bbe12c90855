using DataPrepWorkflows.Activities.Split;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Activities.Tests.Split;

/// <summary>Splits of generated data on a real DuckDB session, checked by reading the written files back.</summary>
public sealed class DataSplitterTests : IDisposable
{
    // 1,000 rows: 30% label 1; 100 customers of 10 rows each; one day per row.
    private const string Rows = """
        SELECT i AS id, CASE WHEN i % 10 < 3 THEN 1 ELSE 0 END AS label, i // 10 AS customer,
               TIMESTAMP '2024-01-01' + to_days(CAST((i * 7919) % 1000 AS INTEGER)) AS seen
        FROM range(1000) r(i)
        """;

    private readonly DuckDbSession _session = DuckDbSession.Open();
    private readonly string _folder = Directory.CreateTempSubdirectory("split-tests-").FullName;

    public void Dispose()
    {
        _session.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<SplitResult> SplitAsync(SplitOptions options, string name = "out") =>
        await DataSplitter.SplitAsync(_session, _session.Sql(Rows), Path.Combine(_folder, name), options);

    private async Task<List<long>> ColumnAsync(SplitPart part, string column)
    {
        var rows = await _session.QueryAsync($"SELECT {column} FROM read_parquet('{part.Path}') ORDER BY 1");
        return [.. rows.Rows.Select(r => Convert.ToInt64(r[0], System.Globalization.CultureInfo.InvariantCulture))];
    }

    [Fact]
    public async Task Ratios_GiveThoseSharesOfRows()
    {
        var result = await SplitAsync(new SplitOptions { Train = 70, Validation = 20, Test = 10 });

        Assert.Equal(["train", "validation", "test"], result.Parts.Select(p => p.Name));
        Assert.Equal([700L, 200, 100], result.Parts.Select(p => p.Rows));
        var ids = new List<long>();
        foreach (var part in result.Parts)
        {
            ids.AddRange(await ColumnAsync(part, "id"));
        }

        Assert.Equal(Enumerable.Range(0, 1000).Select(i => (long)i), ids.Order());
    }

    [Fact]
    public async Task Stratified_KeepsLabelProportionsInEverySplit()
    {
        var result = await SplitAsync(new SplitOptions { LabelColumn = "label" });

        foreach (var part in result.Parts)
        {
            var positives = part.LabelCounts["1"];
            Assert.InRange((double)positives / part.Rows, 0.29, 0.31);
            Assert.Equal(part.Rows, part.LabelCounts.Values.Sum());
            Assert.Equal(positives, (await ColumnAsync(part, "label")).Sum());
        }
    }

    [Fact]
    public async Task Grouped_KeepsEveryGroupInOneSplit()
    {
        var result = await SplitAsync(new SplitOptions { GroupColumn = "customer" });

        var seen = new Dictionary<long, string>();
        foreach (var part in result.Parts)
        {
            foreach (var customer in await ColumnAsync(part, "customer"))
            {
                Assert.Equal(part.Name, seen.TryAdd(customer, part.Name) ? part.Name : seen[customer]);
            }

            Assert.Equal(0, part.Rows % 10);
        }

        Assert.Equal(100, seen.Count);
        Assert.Equal([700L, 150, 150], result.Parts.Select(p => p.Rows));
    }

    [Fact]
    public async Task TimeBased_PutsOldestRowsInTrainAndNewestInTest()
    {
        var result = await SplitAsync(new SplitOptions { TimeColumn = "seen" });

        var bounds = new List<(DateTime Min, DateTime Max)>();
        foreach (var part in result.Parts)
        {
            var rows = await _session.QueryAsync($"SELECT min(seen), max(seen) FROM read_parquet('{part.Path}')");
            bounds.Add(((DateTime)rows.Rows[0][0]!, (DateTime)rows.Rows[0][1]!));
        }

        Assert.True(bounds[0].Max < bounds[1].Min && bounds[1].Max < bounds[2].Min);
        Assert.Equal(new DateTime(2024, 1, 1), bounds[0].Min);
    }

    [Fact]
    public async Task SameSeed_SameAssignment_OtherSeed_OtherAssignment()
    {
        var first = await SplitAsync(new SplitOptions { Seed = 7, LabelColumn = "label" }, "a");
        var again = await SplitAsync(new SplitOptions { Seed = 7, LabelColumn = "label" }, "b");
        var other = await SplitAsync(new SplitOptions { Seed = 8, LabelColumn = "label" }, "c");

        var firstTest = await ColumnAsync(first.Parts[2], "id");
        Assert.Equal(firstTest, await ColumnAsync(again.Parts[2], "id"));
        Assert.NotEqual(firstTest, await ColumnAsync(other.Parts[2], "id"));
        Assert.Equal(first.Parts[2].Rows, other.Parts[2].Rows);
    }

    [Theory]
    [InlineData("nope", null, null, "labelColumn: the data has no column 'nope'")]
    [InlineData(null, "customer", "seen", "leave groupColumn out")]
    public async Task InvalidOptions_NameTheOption(string? label, string? group, string? time, string expected)
    {
        var error = await Assert.ThrowsAsync<FormatException>(() => SplitAsync(new SplitOptions { LabelColumn = label, GroupColumn = group, TimeColumn = time }));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NegativeRatio_IsRejected()
    {
        var error = await Assert.ThrowsAsync<FormatException>(() => SplitAsync(new SplitOptions { Train = -1 }));
        Assert.StartsWith("ratios:", error.Message, StringComparison.Ordinal);
    }
}
