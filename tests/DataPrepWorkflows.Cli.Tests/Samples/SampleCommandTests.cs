using DataPrepWorkflows.Cli.Tests.Process;

namespace DataPrepWorkflows.Cli.Tests.Samples;

public sealed class SampleCommandTests
{
    [Fact]
    public async Task Sample_lands_deterministic_csv_in_local_storage_and_reports_defects()
    {
        using var folder = new TempFolder();

        var first = await DataprepProcess.RunAsync(folder.Path, "sample", "loan-applications", "--rows", "2000", "--out", "s3://raw/loans/");
        var file = Path.Combine(folder.Path, ".dataprep", "s3", "raw", "loans", "loan-applications.csv");
        var bytes = File.ReadAllBytes(file);
        var second = await DataprepProcess.RunAsync(folder.Path, "sample", "loan-applications", "--rows", "2000", "--out", "s3://raw/loans/loan-applications.csv");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("wrote 2000 rows", first.Output, StringComparison.Ordinal);
        Assert.Contains("s3://raw/loans/loan-applications.csv", first.Output, StringComparison.Ordinal);
        Assert.Matches(@"defects: \d+ missing age, \d+ missing income", first.Output);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(bytes, File.ReadAllBytes(file));
        Assert.Equal(2001, File.ReadAllLines(file).Length);
    }

    [Fact]
    public async Task A_bad_target_is_a_clear_error()
    {
        using var folder = new TempFolder();

        var result = await DataprepProcess.RunAsync(folder.Path, "sample", "loan-applications", "--out", "raw/loans");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error DPC004: --out: 'raw/loans' is not an S3 URI", result.Error.Trim(), StringComparison.Ordinal);
    }
}
