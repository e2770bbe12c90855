using System.Text.Json.Nodes;
using DataPrepWorkflows.Cli.Tests.Process;

namespace DataPrepWorkflows.Cli.Tests.Bias;

public sealed class BiasCommandTests
{
    [Fact]
    public async Task Bias_writes_clarify_analysis_json_and_finds_the_planted_gap()
    {
        using var folder = new TempFolder();
        folder.Write("cfg.json", """
            {"dataset_type":"text/csv","label":"approved","label_values_or_threshold":[1],
             "facet":[{"name_or_index":"sex","value_or_threshold":["Female"]}],"methods":{"pre_training_bias":{"methods":["CI","DPL"]}}}
            """);
        var sample = await DataprepProcess.RunAsync(folder.Path, "sample", "loan-applications", "--rows", "5000", "--out", "s3://raw/loans/");

        var result = await DataprepProcess.RunAsync(folder.Path, "bias", "--config", "cfg.json", "--data", "s3://raw/loans/loan-applications.csv", "--output", "out");
        var analysis = JsonNode.Parse(File.ReadAllText(Path.Combine(folder.Path, "out", "analysis.json")))!;

        Assert.Equal(0, sample.ExitCode);
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("facet sex = Female:", result.Output, StringComparison.Ordinal);
        var facet = analysis["pre_training_bias_metrics"]!["facets"]!["sex"]![0]!;
        var dpl = facet["metrics"]!.AsArray().Single(m => m!["name"]!.GetValue<string>() == "DPL")!["value"]!.GetValue<double>();
        Assert.InRange(dpl, 0.05, 0.3);
        Assert.True(File.Exists(Path.Combine(folder.Path, "out", "report.html")));
    }

    [Fact]
    public async Task A_config_naming_a_missing_column_is_a_clear_error()
    {
        using var folder = new TempFolder();
        folder.Write("cfg.json", """{"label":"approved","label_values_or_threshold":[1],"facet":[{"name_or_index":"gender","value_or_threshold":["Female"]}]}""");
        folder.Write("d.csv", "sex,approved\nFemale,1\nMale,0\n");

        var result = await DataprepProcess.RunAsync(folder.Path, "bias", "--config", "cfg.json", "--data", "d.csv", "--output", "out");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("gender", result.Error, StringComparison.Ordinal);
        Assert.StartsWith("error DPC004:", result.Error.Trim(), StringComparison.Ordinal);
    }
}
