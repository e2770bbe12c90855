using System.Text.Json.Nodes;
using DataPrepWorkflows.Cli.Tests.Process;

namespace DataPrepWorkflows.Cli.Tests.Run;

/// <summary>The README's main job: the data-prep sample end to end on the embedded default.</summary>
public sealed class LoanPrepSampleTests
{
    [Fact]
    public async Task Lands_crawls_curates_and_gates_and_a_rerun_changes_no_tables()
    {
        using var folder = new TempFolder();
        CopyFolder(Path.Combine(DataprepProcess.RepositoryRoot, "workflows"), Path.Combine(folder.Path, "workflows"));

        var first = await DataprepProcess.RunAsync(folder.Path, "run", "workflows/loan-prep.json", "--input", "rows=3000");
        var second = await DataprepProcess.RunAsync(folder.Path, "run", "workflows/loan-prep.json", "--input", "rows=3000");
        var table = await DataprepProcess.RunAsync(folder.Path, "catalog", "show", "loans.curated_loans");

        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        Assert.Contains("crawled 1 new and 0 updated tables", first.Output, StringComparison.Ordinal);
        Assert.Matches(@"│ curate\s+│ GlueJob\s+│ Completed .*│ Succeeded", first.Output);
        Assert.Contains("\"curatedTable\": \"loans.curated_loans\"", first.Output, StringComparison.Ordinal);
        Assert.Matches(@"│ quality-gate\s+│ QualityGate\s+│ Completed .*│ Passed", first.Output);
        Assert.Contains("quality score 1", first.Output, StringComparison.Ordinal);
        Assert.Matches(@"│ clean\s+│ Clean\s+│ Completed", first.Output);
        Assert.Matches(@"│ split\s+│ Split\s+│ Completed", first.Output);
        Assert.Matches(@"│ profile\s+│ Profile\s+│ Completed", first.Output);
        Assert.True(File.Exists(Path.Combine(folder.Path, ".dataprep", "s3", "training", "loans", "train.parquet")));
        Assert.True(File.Exists(Path.Combine(folder.Path, ".dataprep", "s3", "reports", "loans", "profile", "report.html")));
        Assert.True(second.ExitCode == 0, second.Output + second.Error);
        Assert.Contains("crawled 0 new and 0 updated tables", second.Output, StringComparison.Ordinal);

        var glue = JsonNode.Parse(table.Output)!;
        Assert.Equal("curated_loans", glue["Name"]!.GetValue<string>());
        Assert.Equal("application_month", glue["PartitionKeys"]![0]!["Name"]!.GetValue<string>());
        var curatedRows = first.Output.Split('\n').First(l => l.Contains("\"curatedRows\"", StringComparison.Ordinal));
        var rows = int.Parse(curatedRows.Split(':')[1].Trim().TrimEnd(','), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(rows, 2800, 2999);
        Assert.NotEmpty(Directory.GetDirectories(Path.Combine(folder.Path, ".dataprep", "s3", "curated", "loans"), "application_month=*"));
    }

    private static void CopyFolder(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
