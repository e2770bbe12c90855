using DataPrepWorkflows.Cli.Tests.Process;

namespace DataPrepWorkflows.Cli.Tests.Labeling;

/// <summary>The labeling sample end to end on the embedded default: bias check, unattended labeling, feature publishing.</summary>
public sealed class LoanLabelFeaturesSampleTests
{
    [Fact]
    public async Task Checks_bias_labels_every_loan_automatically_and_publishes_the_labels_as_features()
    {
        using var folder = new TempFolder();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(DataprepProcess.RepositoryRoot, "workflows"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder.Path, "workflows", Path.GetRelativePath(Path.Combine(DataprepProcess.RepositoryRoot, "workflows"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var run = await DataprepProcess.RunAsync(folder.Path, "run", "workflows/loan-label-features.json", "--input", "rows=1500");
        var list = await DataprepProcess.RunAsync(folder.Path, "label", "list");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Matches(@"│ bias-check\s+│ BiasCheck\s+│ Completed .*│ Passed", run.Output);
        Assert.Matches(@"│ label\s+│ Label\s+│ Completed .*│ Completed", run.Output);
        Assert.Matches(@"│ publish-features\s+│ PublishFeatures\s+│ Completed", run.Output);
        Assert.Matches(@"labeled 1500 loans automatically and 0 by people \(0 failed\); published 1500 records", run.Output);
        Assert.Matches(@"loan-security-[0-9a-f]{32}\tCompleted\t1500/1500 labeled\thuman 0\tauto 1500\tfailed 0", list.Output);
        var manifest = Directory.GetFiles(Path.Combine(folder.Path, ".dataprep", "s3", "labeling", "loans"), "output.manifest", SearchOption.AllDirectories).Single();
        Assert.Equal(1500, File.ReadLines(manifest).Count());
        Assert.Contains("\"type\":\"groundtruth/text-classification\"", File.ReadLines(manifest).First(), StringComparison.Ordinal);
    }
}
