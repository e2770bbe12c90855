using DataPrepWorkflows.Cli.Tests.Process;

namespace DataPrepWorkflows.Cli.Tests.Recipes;

public sealed class RecipeCommandTests
{
    [Fact]
    public async Task Run_applies_the_recipe_and_reports_each_step()
    {
        using var folder = new TempFolder();
        folder.Write("in.csv", "id,region\n1, north\n1, north\n2,South\n");
        folder.Write("r.json", """
            [{"Action":{"Operation":"REMOVE_DUPLICATES","Parameters":{"sourceColumn":"id"}}},
             {"Action":{"Operation":"UPPER_CASE","Parameters":{"sourceColumn":"region"}}}]
            """);

        var result = await DataprepProcess.RunAsync(folder.Path, "recipe", "run", "-r", "r.json", "-d", "in.csv", "-o", "out.csv");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("rows 3 → 2", result.Output, StringComparison.Ordinal);
        Assert.Contains(" NORTH", File.ReadAllText(Path.Combine(folder.Path, "out.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_names_the_step_operation_and_parameter()
    {
        using var folder = new TempFolder();
        folder.Write("in.csv", "id,age\n1,30\n");
        folder.Write("r.json", """[{"Action":{"Operation":"UPPER_CASE","Parameters":{"sourceColumn":"agee"}}}]""");

        var result = await DataprepProcess.RunAsync(folder.Path, "recipe", "validate", "-r", "r.json", "-d", "in.csv");

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"error DBR\d{3} step 1 \(UPPER_CASE\) sourceColumn: .*agee", result.Error);
    }
}
