using DataPrepWorkflows.Cli.Tests.Process;

namespace DataPrepWorkflows.Cli.Tests.Data;

public sealed class DataCommandTests
{
    [Fact]
    public async Task Schema_head_and_convert_work_on_storage_uris_and_folders()
    {
        using var folder = new TempFolder();
        folder.Write(".dataprep/s3/raw/people/part-1.csv", "id,name,score\n1,Ana,0.5\n2,Bo,\n");
        folder.Write(".dataprep/s3/raw/people/part-2.csv", "id,name,score\n3,Cy,1.25\n");

        var schema = await DataprepProcess.RunAsync(folder.Path, "data", "schema", "s3://raw/people/");
        var head = await DataprepProcess.RunAsync(folder.Path, "data", "head", "s3://raw/people/part-1.csv", "-n", "1");
        var convert = await DataprepProcess.RunAsync(folder.Path, "data", "convert", "s3://raw/people/", "s3://curated/people/people.parquet");
        var back = await DataprepProcess.RunAsync(folder.Path, "data", "schema", "s3://curated/people/people.parquet");

        Assert.Equal(0, schema.ExitCode);
        Assert.Matches(@"│ id\s+│ bigint\s+│", schema.Output);
        Assert.Matches(@"│ score\s+│ double\s+│", schema.Output);
        Assert.Contains("3 rows, 3 columns", schema.Output, StringComparison.Ordinal);
        Assert.Equal(0, head.ExitCode);
        Assert.Contains("Ana", head.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Bo", head.Output, StringComparison.Ordinal);
        Assert.Equal(0, convert.ExitCode);
        Assert.Contains("wrote 3 rows as Parquet", convert.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder.Path, ".dataprep", "s3", "curated", "people", "people.parquet")));
        Assert.Contains("3 rows, 3 columns", back.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_dataset_is_a_clear_error()
    {
        using var folder = new TempFolder();

        var result = await DataprepProcess.RunAsync(folder.Path, "data", "head", "s3://raw/none.csv");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error DPC003: 's3://raw/none.csv' does not exist in local storage", result.Error.Trim(), StringComparison.Ordinal);
    }
}
