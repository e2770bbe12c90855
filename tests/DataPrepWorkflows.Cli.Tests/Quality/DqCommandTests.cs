using DataPrepWorkflows.Cli.Tests.Process;

namespace DataPrepWorkflows.Cli.Tests.Quality;

public sealed class DqCommandTests
{
    [Fact]
    public async Task Valid_ruleset_prints_in_canonical_form()
    {
        using var folder = new TempFolder();
        folder.Write("r.dqdl", "Rules = [ RowCount > 10 , IsComplete \"id\",ColumnValues \"age\" between 0 and 120 ]");

        var result = await DataprepProcess.RunAsync(folder.Path, "dq", "validate", "r.dqdl");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("RowCount > 10", result.Output, StringComparison.Ordinal);
        Assert.Contains("IsComplete \"id\"", result.Output, StringComparison.Ordinal);
        Assert.Contains("ColumnValues \"age\" between 0 and 120", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_ruleset_prints_located_diagnostics_and_exits_1()
    {
        using var folder = new TempFolder();
        folder.Write("bad.dqdl", "Rules = [\n  RowCont > 10\n]\n");

        var result = await DataprepProcess.RunAsync(folder.Path, "dq", "validate", "bad.dqdl");

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"bad\.dqdl\(2,3\): error DQDL\d{3}: .*RowCont", result.Error);
    }

    [Fact]
    public async Task Evaluate_prints_glue_shaped_results_and_exits_1_when_a_rule_fails()
    {
        using var folder = new TempFolder();
        folder.Write("r.dqdl", "Rules = [ RowCount = 3, IsComplete \"name\" ]");
        folder.Write("people.csv", "id,name\n1,Ana\n2,\n3,Cy\n");

        var result = await DataprepProcess.RunAsync(folder.Path, "dq", "evaluate", "--ruleset", "r.dqdl", "--data", "people.csv");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("\"Outcome\": \"Passed\"", result.Output, StringComparison.Ordinal);
        Assert.Contains("\"Outcome\": \"Failed\"", result.Output, StringComparison.Ordinal);
        Assert.Contains("Column.name.Completeness", result.Output, StringComparison.Ordinal);
        Assert.Contains("\"Rule\": \"IsComplete \\\"name\\\"\"", result.Output, StringComparison.Ordinal);
    }
}
