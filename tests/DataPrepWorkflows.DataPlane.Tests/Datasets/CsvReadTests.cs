using System.Text;
using DataPrepWorkflows.DataPlane.Datasets;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.DataPlane.Tests.Datasets;

public sealed class CsvReadTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly DuckDbSession _session = DuckDbSession.Open();

    [Fact]
    public async Task Open_CsvWithQuotesAndEmbeddedNewlines_SniffsTypesAndKeepsFields()
    {
        var path = _folder.Write("loans.csv",
            "id,name,amount,applied,approved\n" +
            "1,\"Smith, Ann\",1200.50,2024-01-15,true\n" +
            "2,\"Line one\nline two\",99.99,2024-02-01,false\n" +
            "3,\"She said \"\"hi\"\"\",,2024-03-10,\n");

        var dataset = _session.Open(path);
        var schema = await dataset.GetSchemaAsync();
        var preview = await dataset.HeadAsync(10);

        Assert.Equal(DatasetFormat.Csv, dataset.Format);
        Assert.Equal(["bigint", "string", "double", "date", "boolean"], schema.Columns.Select(c => c.GlueType));
        Assert.Equal(3, await dataset.CountAsync());
        Assert.Equal("Smith, Ann", preview.Rows[0][1]);
        Assert.Equal("Line one\nline two", preview.Rows[1][1]);
        Assert.Equal("She said \"hi\"", preview.Rows[2][1]);
        Assert.Null(preview.Rows[2][2]);
        Assert.Equal("2024-01-15", preview.Rows[0][3]);
    }

    [Fact]
    public async Task Open_SemicolonDelimitedWithoutHeader_UsesGivenOptions()
    {
        var path = _folder.Write("plain.txt", "a;1;x\nb;2;y\nc;3;z\n");

        var dataset = _session.Open(path, new DatasetReadOptions { Csv = new CsvOptions { Delimiter = ";", Header = false } });
        var preview = await dataset.HeadAsync(5);

        Assert.Equal(3, preview.Columns.Count);
        Assert.Equal(["a", "1", "x"], preview.Rows[0]);
        Assert.Equal("bigint", preview.Columns[1].GlueType);
    }

    [Fact]
    public async Task Open_TabSeparatedFile_IsDetected()
    {
        var path = _folder.Write("data.tsv", "k\tv\nalpha\t1.5\nbeta\t2.5\n");

        var schema = await _session.Open(path).GetSchemaAsync();

        Assert.Equal(["k", "v"], schema.Columns.Select(c => c.Name));
        Assert.Equal("double", schema.Columns[1].GlueType);
    }

    [Fact]
    public async Task Open_CustomQuoteAndEscape_AreHonoured()
    {
        var path = _folder.Write("quoted.csv", "id|note\n1|'it\\'s here'\n2|'a|b'\n");

        var dataset = _session.Open(path, new DatasetReadOptions
        {
            Format = DatasetFormat.Csv,
            Csv = new CsvOptions { Delimiter = "|", Quote = "'", Escape = "\\", Header = true },
        });
        var preview = await dataset.HeadAsync();

        Assert.Equal("it's here", preview.Rows[0][1]);
        Assert.Equal("a|b", preview.Rows[1][1]);
    }

    [Fact]
    public async Task Open_Latin1File_DecodesAccents()
    {
        var path = _folder.Write("latin1.csv", "city,population\nMünchen,1500000\nSão Paulo,12000000\n", Encoding.Latin1);

        var preview = await _session.Open(path, new DatasetReadOptions { Csv = new CsvOptions { Encoding = "latin-1" } }).HeadAsync();

        Assert.Equal("München", preview.Rows[0][0]);
        Assert.Equal("São Paulo", preview.Rows[1][0]);
    }

    [Fact]
    public async Task Open_Utf16File_DecodesText()
    {
        var path = _folder.Write("utf16.csv", "word,n\nnaïve,1\n日本,2\n", Encoding.Unicode);

        var preview = await _session.Open(path, new DatasetReadOptions { Csv = new CsvOptions { Encoding = "utf-16" } }).HeadAsync();

        Assert.Equal("naïve", preview.Rows[0][0]);
        Assert.Equal("日本", preview.Rows[1][0]);
    }

    [Fact]
    public void Open_UnsupportedEncoding_ThrowsInvalidOption()
    {
        var path = _folder.Write("x.csv", "a\n1\n");

        var error = Assert.Throws<DatasetException>(() => _session.Open(path, new DatasetReadOptions { Csv = new CsvOptions { Encoding = "ebcdic" } }));

        Assert.Equal(DatasetErrorCodes.InvalidOption, error.Code);
        Assert.Contains("ebcdic", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_ExplicitColumnsThatDoNotFit_ThrowsReadFailedWithDuckDbMessage()
    {
        var path = _folder.Write("bad.csv", "id,amount\n1,12\n2,twelve\n");

        var dataset = _session.Open(path, new DatasetReadOptions
        {
            Csv = new CsvOptions { Columns = [new("id", "BIGINT"), new("amount", "INTEGER")], Header = true },
        });
        var error = await Assert.ThrowsAsync<DatasetException>(() => dataset.HeadAsync());

        Assert.Equal(DatasetErrorCodes.ReadFailed, error.Code);
        Assert.Contains("bad.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains("twelve", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_MissingFile_ThrowsNotFound()
    {
        var error = Assert.Throws<DatasetException>(() => _session.Open(_folder.PathOf("nothing.csv")));

        Assert.Equal(DatasetErrorCodes.NotFound, error.Code);
        Assert.StartsWith("DATA001: No file or folder at", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_UnknownExtension_ThrowsUnknownFormat()
    {
        var path = _folder.Write("data.bin", "x");

        var error = Assert.Throws<DatasetException>(() => _session.Open(path));

        Assert.Equal(DatasetErrorCodes.UnknownFormat, error.Code);
    }

    [Fact]
    public async Task Open_FolderOfCsvFiles_ReadsThemAll()
    {
        _folder.Write("many/a.csv", "id,v\n1,x\n2,y\n");
        _folder.Write("many/b.csv", "id,v\n3,z\n");
        _folder.Write("many/_SUCCESS", string.Empty);

        var dataset = _session.Open(_folder.PathOf("many"));

        Assert.Equal(3, await dataset.CountAsync());
    }

    public void Dispose()
    {
        _session.Dispose();
        _folder.Dispose();
    }
}
