using DataPrepWorkflows.Activities.BiasCheck;
using static DataPrepWorkflows.Activities.Tests.BiasCheck.BiasFixture;

namespace DataPrepWorkflows.Activities.Tests.BiasCheck;

/// <summary>
/// The CSV tuple scan that feeds the bias analysis: exact counts and first rows, and a refusal (so DuckDB reads the
/// file instead) for anything beyond plain CSV; the analysis gives the same numbers either way.
/// </summary>
public sealed class CsvTupleScannerTests : IDisposable
{
    private readonly BiasFixture _fixture = new();

    [Fact]
    public void PlainCsv_CountsEachTupleWithItsFirstRow()
    {
        var path = Write("a,b,c\r\nx,1,p\r\ny,2,q\r\nx,3,p\r\n,4,p\r\nx,5,p");

        var tuples = CsvTupleScanner.TryScan(path, (byte)',', 0, hasHeader: true, fieldCount: 3, columns: [0, 2], CancellationToken.None);

        Assert.NotNull(tuples);
        Assert.Equal(5, tuples.Rows);
        var byKey = tuples.Tuples.ToDictionary(t => string.Join("|", t.Values.Select(v => v ?? "NULL")), t => (t.Count, t.FirstRow));
        Assert.Equal((3L, 0L), byKey["x|p"]);
        Assert.Equal((1L, 1L), byKey["y|q"]);
        Assert.Equal((1L, 3L), byKey["NULL|p"]);
        Assert.Equal(3, byKey.Count);
    }

    [Fact]
    public void LargeFile_SlicesAddUpToEveryRowInOrder()
    {
        // Large enough to be cut into several slices read in parallel.
        var lines = Enumerable.Range(0, 400_000).Select(i => $"{i % 7},{(i % 3 == 0 ? "F" : "M")},padding-{i:D12}");
        var path = Write("k,s,pad\n" + string.Join("\n", lines) + "\n");

        var tuples = CsvTupleScanner.TryScan(path, (byte)',', 0, hasHeader: true, fieldCount: 3, columns: [0, 1], CancellationToken.None);

        Assert.NotNull(tuples);
        Assert.Equal(400_000, tuples.Rows);
        Assert.Equal(400_000, tuples.Tuples.Sum(t => t.Count));
        var first = tuples.Tuples.Single(t => t.Values[0] == "6" && t.Values[1] == "M");
        Assert.Equal(13, first.FirstRow);
        Assert.Equal(Enumerable.Range(0, 400_000).Count(i => i % 7 == 6 && i % 3 != 0), first.Count);
    }

    [Theory]
    [InlineData("a,b\n\"x,y\",1\n")]
    [InlineData("a,b\nx,1\ny\n")]
    [InlineData("a,b\nx,1,2\n")]
    [InlineData("a,b\nx,1\n\ny,2\n")]
    public void AnythingButPlainCsv_IsLeftToDuckDb(string text)
    {
        var path = Write(text);

        Assert.Null(CsvTupleScanner.TryScan(path, (byte)',', 0, hasHeader: true, fieldCount: 2, columns: [0, 1], CancellationToken.None));
    }

    [Fact]
    public async Task ScannedAndDuckDbReadFiles_GiveTheSameReport()
    {
        var rows = Enumerable.Range(0, 300).Select(i => (Sex: i % 3 == 0 ? "F" : "M", Age: 18 + (i * 7 % 60), Label: i % 5 < 2 ? 1 : 0, Region: "R" + (i % 4)));
        var plain = _fixture.WriteCsv("sex,age,approved,region,note\n" + string.Join("\n", rows.Select(r => $"{r.Sex},{r.Age},{r.Label},{r.Region},n")) + "\n", "plain.csv");
        // The same data with one quoted note: the scan declines and DuckDB's reader loads the file.
        var quoted = _fixture.WriteCsv("sex,age,approved,region,note\n" + string.Join("\n", rows.Select((r, i) => $"{r.Sex},{r.Age},{r.Label},{r.Region},{(i == 5 ? "\"a, b\"" : "n")}")) + "\n", "quoted.csv");
        const string config = """
            {"label": "approved", "label_values_or_threshold": [1], "group_variable": "region",
             "facet": [{"name_or_index": "sex", "value_or_threshold": ["F"]}, {"name_or_index": "age", "value_or_threshold": [40]}, {"name_or_index": "region"}]}
            """;

        var scanned = await AnalyseAsync(plain, config);
        var read = await AnalyseAsync(quoted, config);

        Assert.Equal(300, scanned.Rows);
        Assert.Equal(read.Rows, scanned.Rows);
        Assert.Equal(read.Facets.Count, scanned.Facets.Count);
        Assert.Equal(6, scanned.Facets.Count);
        for (var i = 0; i < read.Facets.Count; i++)
        {
            Assert.Equal(read.Facets[i].ValueOrThreshold, scanned.Facets[i].ValueOrThreshold);
            Assert.Equal((read.Facets[i].FacetRows, read.Facets[i].FacetPositive), (scanned.Facets[i].FacetRows, scanned.Facets[i].FacetPositive));
            Assert.Equal(read.Facets[i].Metrics.Select(m => (m.Name, m.Value, m.Error)), scanned.Facets[i].Metrics.Select(m => (m.Name, m.Value, m.Error)));
        }
    }

    public void Dispose() => _fixture.Dispose();

    private string Write(string text)
    {
        var path = Path.Combine(_fixture.Folder, Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, text);
        return path;
    }
}
