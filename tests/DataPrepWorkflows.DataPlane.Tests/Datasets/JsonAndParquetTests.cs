using DataPrepWorkflows.DataPlane.Datasets;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.DataPlane.Tests.Datasets;

public sealed class JsonAndParquetTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly DuckDbSession _session = DuckDbSession.Open();

    [Fact]
    public async Task Open_JsonLines_NestedValuesBecomeStructsAndArrays()
    {
        var path = _folder.Write("events.jsonl",
            "{\"id\": 1, \"user\": {\"name\": \"ada\", \"age\": 36}, \"tags\": [\"a\", \"b\"], \"score\": 1.5}\n" +
            "{\"id\": 2, \"user\": {\"name\": \"bob\", \"age\": null}, \"tags\": [], \"score\": null}\n");

        var dataset = _session.Open(path);
        var schema = await dataset.GetSchemaAsync();
        var preview = await dataset.HeadAsync();

        Assert.Equal(DatasetFormat.JsonLines, dataset.Format);
        Assert.Equal("bigint", schema.Find("id")!.GlueType);
        Assert.Equal("struct<name:string,age:bigint>", schema.Find("user")!.GlueType);
        Assert.Equal("array<string>", schema.Find("tags")!.GlueType);
        Assert.Equal("double", schema.Find("score")!.GlueType);
        Assert.Equal("{'name': ada, 'age': 36}", preview.Rows[0][1]);
        Assert.Null(preview.Rows[1][3]);
    }

    [Fact]
    public async Task WriteParquet_ThenRead_KeepsTypesAndUsesSnappy()
    {
        var source = _session.Sql(
            "SELECT i AS id, CAST(i * 1.25 AS DECIMAL(10,2)) AS amount, DATE '2024-01-01' + i::INTEGER AS day, " +
            "TIMESTAMP '2024-01-01 00:00:00' + to_seconds(i) AS at, [i, i + 1] AS pair, {'k': i::INTEGER} AS obj, " +
            "CASE WHEN i % 3 = 0 THEN NULL ELSE 'v' || i END AS label FROM range(5000) t(i)");
        var path = _folder.PathOf("out/data.parquet");

        var written = await source.WriteAsync(path);
        var back = _session.Open(path);
        var schema = await back.GetSchemaAsync();

        Assert.Equal(5000, written.Rows);
        Assert.Equal([path], written.Files);
        Assert.Equal(5000, await back.CountAsync());
        Assert.Equal(["bigint", "decimal(10,2)", "date", "timestamp", "array<bigint>", "struct<k:int>", "string"], schema.Columns.Select(c => c.GlueType));
        var codecs = await _session.QueryAsync($"SELECT DISTINCT compression FROM parquet_metadata('{path}')");
        Assert.Equal("SNAPPY", Assert.Single(codecs.Rows)[0]);
        Assert.Empty(Directory.EnumerateFiles(_folder.PathOf("out"), ".tmp-*"));
    }

    [Fact]
    public async Task WriteCsv_ThenRead_RoundTripsValues()
    {
        var source = _session.Sql("SELECT * FROM (VALUES (1, 'a,b', 2.5), (2, 'line\nbreak', NULL)) t(id, text, x)");
        var path = _folder.PathOf("round.csv");

        var written = await source.WriteAsync(path);
        var preview = await _session.Open(path).HeadAsync();

        Assert.Equal(2, written.Rows);
        Assert.Equal(["1", "a,b", "2.5"], preview.Rows[0]);
        Assert.Equal(["2", "line\nbreak", null], preview.Rows[1]);
    }

    [Fact]
    public async Task WriteCsv_WithDelimiterAndNoHeader_WritesThatText()
    {
        var path = _folder.PathOf("plain.csv");

        await _session.Sql("SELECT 1 AS a, 'x' AS b").WriteAsync(path, new DatasetWriteOptions { Csv = new CsvOptions { Delimiter = ";", Header = false } });

        Assert.Equal("1;x\n", File.ReadAllText(path));
    }

    [Fact]
    public async Task WriteCsv_ExistingFileWithoutOverwrite_ThrowsWriteFailed()
    {
        var path = _folder.Write("exists.csv", "a\n1\n");

        var error = await Assert.ThrowsAsync<DatasetException>(() =>
            _session.Sql("SELECT 2 AS a").WriteAsync(path, new DatasetWriteOptions { Overwrite = false }));

        Assert.Equal(DatasetErrorCodes.WriteFailed, error.Code);
        Assert.Equal("a\n1\n", File.ReadAllText(path));
    }

    [Fact]
    public async Task WritePartitioned_LaysOutKeyEqualsValueFolders_AndReadsBackPartitionColumns()
    {
        var source = _session.Sql("SELECT i AS id, ['eu', 'us', 'apac'][1 + i % 3] AS region, 2023 + i % 2 AS year FROM range(600) t(i)");
        var folder = _folder.PathOf("partitioned");

        var written = await source.WriteAsync(folder, new DatasetWriteOptions { Format = DatasetFormat.Parquet, PartitionBy = ["region", "year"] });

        Assert.Equal(600, written.Rows);
        var relative = written.Files.Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).ToArray();
        Assert.Equal(6, relative.Length);
        Assert.Contains("region=eu/year=2023/part-0.parquet", relative);
        Assert.Contains("region=apac/year=2024/part-0.parquet", relative);
        var back = _session.Open(folder, new DatasetReadOptions { HivePartitioning = true });
        Assert.Equal(600, await back.CountAsync());
        var perRegion = await _session.QueryAsync($"SELECT region, count(*)::BIGINT FROM {back.Relation} GROUP BY region ORDER BY region");
        Assert.Equal([["apac", 200L], ["eu", 200L], ["us", 200L]], perRegion.Rows);
    }

    [Fact]
    public async Task WritePartitionedCsv_OverwritesPreviousOutput()
    {
        var folder = _folder.PathOf("csvparts");
        await _session.Sql("SELECT 1 AS id, 'old' AS kind").WriteAsync(folder, new DatasetWriteOptions { Format = DatasetFormat.Csv, PartitionBy = ["kind"] });

        var written = await _session.Sql("SELECT 2 AS id, 'new' AS kind").WriteAsync(folder, new DatasetWriteOptions { Format = DatasetFormat.Csv, PartitionBy = ["kind"] });

        var file = Assert.Single(written.Files);
        Assert.Equal("kind=new", Path.GetFileName(Path.GetDirectoryName(file)));
        Assert.Equal("id\n2\n", File.ReadAllText(file));
    }

    [Fact]
    public async Task WriteJsonLines_ThenRead_RoundTripsNestedValues()
    {
        var path = _folder.PathOf("out/rows.jsonl");

        await _session.Sql("SELECT 1 AS id, {'a': [1, 2]} AS obj UNION ALL SELECT 2, NULL").WriteAsync(path);
        var back = _session.Open(path);

        Assert.Equal(2, File.ReadAllLines(path).Length);
        Assert.Equal("struct<a:array<bigint>>", (await back.GetSchemaAsync()).Find("obj")!.GlueType);
        Assert.Equal(2, await back.CountAsync());
    }

    [Fact]
    public async Task WriteGzipCsv_IsCompressedAndReadableBack()
    {
        var path = _folder.PathOf("out/data.csv.gz");

        await _session.Sql("SELECT i AS id FROM range(1000) t(i)").WriteAsync(path);

        var bytes = File.ReadAllBytes(path);
        Assert.Equal([0x1f, 0x8b], bytes[..2]);
        Assert.Equal(1000, await _session.Open(path).CountAsync());
    }

    [Fact]
    public async Task Write_UnknownParquetCodec_ThrowsInvalidOption()
    {
        var error = await Assert.ThrowsAsync<DatasetException>(() =>
            _session.Sql("SELECT 1 AS a").WriteAsync(_folder.PathOf("x.parquet"), new DatasetWriteOptions { Compression = "rar" }));

        Assert.Equal(DatasetErrorCodes.InvalidOption, error.Code);
    }

    [Fact]
    public async Task RegisterAndMaterialize_MakeDatasetsQueryableBySql()
    {
        var path = _folder.Write("orders.csv", "id,customer,total\n1,ann,10\n2,bob,20\n3,ann,5\n");

        await _session.RegisterAsync("orders", _session.Open(path));
        var totals = await _session.MaterializeAsync("totals", _session.Sql("SELECT customer, sum(total)::BIGINT AS total FROM orders GROUP BY customer"));
        var rows = await _session.QueryAsync("SELECT customer, total FROM totals ORDER BY customer");

        Assert.Equal(2, await totals.CountAsync());
        Assert.Equal([["ann", 15L], ["bob", 20L]], rows.Rows);
    }

    [Fact]
    public async Task HeadAsync_AllTypes_RenderAsDuckDbText()
    {
        var preview = await _session.Sql(
            "SELECT NULL::INTEGER AS n, 1.50::DECIMAL(4,2) AS d, DATE '2024-01-02' AS day, TIMESTAMP '2024-01-02 03:04:05' AS ts, " +
            "[1, 2] AS l, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::UUID AS u, TRUE AS b").HeadAsync(1);

        Assert.Equal([null, "1.50", "2024-01-02", "2024-01-02 03:04:05", "[1, 2]", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "true"], preview.Rows[0]);
        Assert.Equal(["int", "decimal(4,2)", "date", "timestamp", "array<int>", "string", "boolean"], preview.Columns.Select(c => c.GlueType));
    }

    public void Dispose()
    {
        _session.Dispose();
        _folder.Dispose();
    }
}
