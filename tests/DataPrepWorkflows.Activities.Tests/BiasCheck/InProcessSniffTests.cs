using System.Globalization;
using DataPrepWorkflows.Activities.BiasCheck;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Activities.Tests.BiasCheck;

/// <summary>
/// Deciding a plain CSV file's dialect and column types in process instead of with DuckDB's sniffer: where it decides,
/// the loaded tuples and types are exactly those of the sniffer's path; where the file leaves any doubt it declines.
/// </summary>
public sealed class InProcessSniffTests : IDisposable
{
    private const string Config = """{"label": "approved", "label_values_or_threshold": [1], "facet": [{"name_or_index": "sex", "value_or_threshold": ["Female"]}], "group_variable": "region"}""";

    private readonly BiasFixture _fixture = new();

    public static TheoryData<string, string> Decided => new()
    {
        { "comma", Rows(',', 1500, i => (i % 3 == 0 ? "Female" : "Male", i % 5 < 2 ? "1" : "0", "North-" + (char)('A' + (i % 4)))) },
        { "semicolon, CRLF", Rows(';', 300, i => (i % 2 == 0 ? "Female" : "Non binary", (i % 7).ToString(CultureInfo.InvariantCulture), "West")).ReplaceLineEndings("\r\n") },
        { "blank labels", Rows(',', 300, i => (i % 2 == 0 ? "Female" : "Male", i % 9 == 0 ? "" : "-" + (i % 3).ToString(CultureInfo.InvariantCulture), i % 11 == 0 ? "" : "South")) },
    };

    public static TheoryData<string, string> Declined => new()
    {
        { "decimal label", Rows(',', 300, i => (i % 2 == 0 ? "Female" : "Male", (i % 3) + ".5", "North")) },
        { "text only after the first rows", Rows(',', 1500, i => (i < 1200 ? "1" : i % 2 == 0 ? "Female" : "Male", i % 2 == 0 ? "1" : "0", "North")) },
        { "pandas missing marker", Rows(',', 300, i => (i % 2 == 0 ? "Female" : "NA", i % 2 == 0 ? "1" : "0", "North")) },
        { "yes/no", Rows(',', 300, i => (i % 2 == 0 ? "Female" : "Male", i % 2 == 0 ? "1" : "0", i % 2 == 0 ? "yes" : "no")) },
        { "leading zeros", Rows(',', 300, i => (i % 2 == 0 ? "Female" : "Male", i % 2 == 0 ? "01" : "00", "North")) },
    };

    [Theory]
    [MemberData(nameof(Decided))]
    public async Task PlainFiles_AreDecidedInProcess_AsDuckDbsSnifferWould(string name, string text)
    {
        var path = _fixture.WriteCsv(text, name.Replace(' ', '-').Replace(',', '_') + ".csv");
        var config = BiasConfigReader.Parse(Config);

        var head = PlainCsvHead.TryRead(path);
        Assert.NotNull(head);
        var tuples = CsvTupleScanner.TryScan(path, head.Delimiter, (byte)'\'', hasHeader: true, head.Names.Count, [2, 4, 3], CancellationToken.None);
        Assert.NotNull(tuples);
        Assert.NotNull(TupleTypes.TryDecide(tuples, 3));

        Assert.Equal(await LoadAsync(path, config, sniffInProcess: false), await LoadAsync(path, config, sniffInProcess: true));
    }

    [Theory]
    [MemberData(nameof(Declined))]
    public async Task DoubtfulFiles_AreLeftToTheSniffer(string name, string text)
    {
        var path = _fixture.WriteCsv(text, name.Replace(' ', '-').Replace('/', '_') + ".csv");
        var config = BiasConfigReader.Parse(Config);

        var head = PlainCsvHead.TryRead(path);
        Assert.NotNull(head);
        var tuples = CsvTupleScanner.TryScan(path, head.Delimiter, (byte)'\'', hasHeader: true, head.Names.Count, [2, 4, 3], CancellationToken.None);
        Assert.NotNull(tuples);
        Assert.Null(TupleTypes.TryDecide(tuples, 3));

        Assert.Equal(await LoadAsync(path, config, sniffInProcess: false), await LoadAsync(path, config, sniffInProcess: true));
    }

    [Theory]
    [InlineData("approved,sex,region\n1,Female,North\n")]
    [InlineData("approved,sex|x,region\n1,Female|a,North\n0,Male|b,South\n1,Male|c,West\n")]
    [InlineData("approved,sex,region\n1,Female,North\r\n0,Male,South\n1,Male,West\n")]
    [InlineData("approved,sex,region\n1,\"Female\",North\n0,Male,South\n1,Male,West\n")]
    [InlineData("1,sex,region\n1,Female,North\n0,Male,South\n1,Male,West\n")]
    [InlineData("approved,sex,Sex\n1,Female,North\n0,Male,South\n1,Male,West\n")]
    [InlineData("approved,sex,region\n1,Female,North\n0,Male\n1,Male,West\n")]
    [InlineData("# comment\napproved,sex,region\n1,Female,North\n0,Male,South\n1,Male,West\n")]
    public void HeadsWithAnyDoubt_AreNotPlain(string text)
    {
        var path = Path.Combine(_fixture.Folder, Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, text);

        Assert.Null(PlainCsvHead.TryRead(path));
    }

    [Fact]
    public void TsvFile_NeedsTabs()
    {
        var path = Path.Combine(_fixture.Folder, "data.tsv");
        File.WriteAllText(path, "approved,sex,region\n1,Female,North\n0,Male,South\n1,Male,West\n");

        Assert.Null(PlainCsvHead.TryRead(path));
        File.WriteAllText(path, "approved\tsex\tregion\n1\tFemale\tNorth\n0\tMale\tSouth\n1\tMale\tWest\n");
        Assert.Equal((byte)'\t', PlainCsvHead.TryRead(path)?.Delimiter);
    }

    public void Dispose() => _fixture.Dispose();

    /// <summary>A loan-like file: id, age, label, region, sex and a note, with the three needed values from <paramref name="row"/>.</summary>
    private static string Rows(char delimiter, int count, Func<int, (string Sex, string Approved, string Region)> row)
    {
        var lines = Enumerable.Range(0, count).Select(i =>
        {
            var (sex, approved, region) = row(i);
            return string.Join(delimiter, $"A{i:D7}", (18 + (i % 60)).ToString(CultureInfo.InvariantCulture), approved, region, sex, "n");
        });
        return string.Join(delimiter, "applicant_id", "age", "approved", "region", "sex", "note") + "\n" + string.Join("\n", lines) + "\n";
    }

    /// <summary>The loaded table as text: its column types, then its rows in a fixed order.</summary>
    private static async Task<string> LoadAsync(string path, BiasConfig config, bool sniffInProcess)
    {
        using var session = DuckDbSession.Open();
        const string table = "bias_sniff_test";
        var loaded = await BiasCsvLoad.TryLoadAsync(session, config, path, table, CancellationToken.None, sniffInProcess);
        Assert.NotNull(loaded);
        var types = await session.QueryAsync($"SELECT string_agg(column_name || ' ' || data_type, ', ' ORDER BY column_index) FROM duckdb_columns() WHERE table_name = '{table}'");
        var rows = await session.QueryAsync($"SELECT * FROM {table} ORDER BY ALL");
        return types.Rows[0][0] + "\n" + string.Join("\n", rows.Rows.Select(r => string.Join("|", r.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "NULL"))));
    }
}
