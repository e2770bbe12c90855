using System.Globalization;
using System.Text;
using DataPrepWorkflows.Activities.QualityGate;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Activities.Tests.QualityGate;

/// <summary>
/// DuckDB's sniffer told the dialect that a plain file's bytes leave detects what it detects on its own (header,
/// column types, date formats), on files of several delimiters and types; files with any byte that could change the
/// dialect go to the sniffer's own detection.
/// </summary>
public sealed class PlainCsvDialectTests : IDisposable
{
    private const string Detected = "Delimiter, Quote, Escape, NewLineDelimiter, Comment, SkipRows, HasHeader, CAST(Columns AS VARCHAR), DateFormat, TimestampFormat";

    private readonly DqFixture _fixture = new();

    public static TheoryData<string, string> PlainFiles => new()
    {
        { "people.csv", DqFixture.People },
        { "pipes.csv", "id|city|amount|day\n1|Oslo|10.5|2026-01-02\n2|Rome|7|2026-02-03\n3|Lima||2026-03-04\n" },
        { "semicolons.csv", "id;flag;at\n1;true;2026-01-02 10:00:00\n2;false;2026-01-03 11:30:00\n3;true;2026-01-04 00:00:00\n" },
        { "tabs.csv", "a\tb\tc\n1\tx\t2.5\n2\ty\t3\n3\tz\t4\n" },
        { "words.csv", "name,city\nAnn,Oslo\nBob,Rome\nCid,Lima\n" },
        { "numbers.csv", "1,2,3\n4,5,6\n7,8,9\n" },
        { "days.csv", "when,n\n01/02/2026,1\n13/02/2026,2\n28/02/2026,3\n" },
        { "empty-column.csv", "id,nothing,n\n1,,5\n2,,6\n3,,7\n" },
        { "long.csv", Long() },
    };

    [Theory]
    [MemberData(nameof(PlainFiles))]
    public async Task SnifferToldThePlainDialect_DetectsWhatItDetectsAlone(string name, string content)
    {
        var path = _fixture.Write(name, content);
        var delimiter = PlainCsvDialect.HeadDelimiter(path);
        Assert.NotNull(delimiter);
        Assert.True(PlainCsvDialect.WholeFileIsPlain(path, delimiter.Value, CancellationToken.None));
        using var session = DuckDbSession.Open();

        var alone = await session.QueryAsync($"SELECT {Detected} FROM sniff_csv({DqSql.Literal(path)})");
        var told = await session.QueryAsync($"SELECT {Detected} FROM sniff_csv({DqSql.Literal(path)}{PlainCsvDialect.SniffOptions(delimiter.Value)})");

        Assert.Equal(alone.Rows[0], told.Rows[0]);
    }

    [Theory]
    [InlineData("a,b\n1,\"x\"\n", false)]
    [InlineData("a,b\n1,O'Brien\n", false)]
    [InlineData("a,b\r\n1,2\r\n", false)]
    [InlineData("\uFEFFa,b\n1,2\n", false)]
    [InlineData("a,b|c\n1,2|3\n", false)]
    [InlineData("a\n1\n2\n", false)]
    [InlineData("# note\na,b\n1,2\n", false)]
    [InlineData("a,b\n1,2\n", true)]
    public void Head_WithAByteThatCouldChangeTheDialect_HasNoDelimiter(string content, bool plain)
    {
        var path = Path.Combine(_fixture.Root, "head.csv");
        File.WriteAllText(path, content, new UTF8Encoding(false));

        Assert.Equal(plain, PlainCsvDialect.HeadDelimiter(path) is not null);
    }

    [Theory]
    [InlineData("\"quoted, text\"")]
    [InlineData("pipe|inside")]
    [InlineData("semi;colon")]
    [InlineData("it's")]
    public void ByteAfterTheHead_MakesTheFileNotPlain(string late)
    {
        var path = _fixture.Write("late.csv", Long() + $"999999,{late},1.5\n");

        Assert.Equal((byte)',', PlainCsvDialect.HeadDelimiter(path));
        Assert.False(PlainCsvDialect.WholeFileIsPlain(path, (byte)',', CancellationToken.None));
    }

    [Fact]
    public async Task PrimaryFromAPlainFile_HasTheSniffersSchemaAndValues()
    {
        var path = _fixture.Write("long.csv", Long());
        using var session = DuckDbSession.Open();

        var told = await PrimarySource.OpenAsync(session, session.Open(path), needsTable: false, CancellationToken.None);
        var toldRows = await session.QueryAsync($"SELECT count(*), sum(n), max(label), min(day) FROM {told.Relation}");
        await told.DropAsync();
        var alone = await PrimarySource.OpenAsync(session, session.Open(path), needsTable: false, CancellationToken.None, knownDialect: false);
        var aloneRows = await session.QueryAsync($"SELECT count(*), sum(n), max(label), min(day) FROM {alone.Relation}");

        Assert.NotEqual(alone.Relation, told.Relation);
        Assert.Equal(alone.Schema.Columns.Select(c => (c.Name, c.DuckDbType.ToSql())), told.Schema.Columns.Select(c => (c.Name, c.DuckDbType.ToSql())));
        Assert.Equal(aloneRows.Rows[0], toldRows.Rows[0]);
    }

    [Fact]
    public async Task FileWithAQuoteAfterTheHead_IsSniffedAsBefore()
    {
        var path = _fixture.Write("quoted.csv", Long() + "999999,\"a b\",1.5,2026-01-01");
        using var session = DuckDbSession.Open();

        var primary = await PrimarySource.OpenAsync(session, session.Open(path), needsTable: false, CancellationToken.None);
        var relation = primary.Relation;
        await primary.DropAsync();
        var alone = await PrimarySource.OpenAsync(session, session.Open(path), needsTable: false, CancellationToken.None, knownDialect: false);

        Assert.NotNull(relation);
        Assert.Equal(alone.Relation, relation);
    }

    /// <summary>40,000 rows (over a mebibyte, past the sniffer's sample) with integers, words, decimals and dates.</summary>
    private static string Long()
    {
        var text = new StringBuilder("id,label,n,day\n");
        for (var i = 0; i < 40_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i},item-{i % 7},{i % 100 * 1.25},2026-{i % 12 + 1:00}-{i % 28 + 1:00}\n");
        }

        return text.ToString();
    }

    public void Dispose() => _fixture.Dispose();
}
