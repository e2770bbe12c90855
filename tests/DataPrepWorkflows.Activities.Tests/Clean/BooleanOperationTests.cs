namespace DataPrepWorkflows.Activities.Tests.Clean;

/// <summary>BOOLEAN_OPERATION: DataBrew's IF/ELSE column, with constants, column references and aggregate results.</summary>
public sealed class BooleanOperationTests
{
    private const string Sales = "item,price,cost,region,active\nbook,12,5,EU,true\npen,2,1,US,false\nlamp,40,45,EU,true\nmug,,3,eu,\n";

    [Fact]
    public async Task Constants_are_chosen_by_a_numeric_comparison_as_in_the_documentation_example()
    {
        var table = await RecipeHarness.SucceedAsync(Sales, "BOOLEAN_OPERATION",
            new { trueValueExpression = "It is true.", falseValueExpression = "It is false.", valueExpression = "`price` < 20", targetColumn = "cheap" });

        Assert.Equal("It is true.|It is true.|It is false.|It is false.", table.Values("cheap"));
        Assert.Equal(["item", "price", "cost", "region", "active", "cheap"], table.Columns);
    }

    [Fact]
    public async Task Column_references_compare_as_numbers_and_give_the_chosen_columns_value()
    {
        var table = await RecipeHarness.SucceedAsync(Sales, "BOOLEAN_OPERATION",
            new { trueValueExpression = "`price`", falseValueExpression = "`cost`", valueExpression = "`cost` < `price`", targetColumn = "best" });

        Assert.Equal("12|2|45|3", table.Values("best"));
    }

    [Fact]
    public async Task Aggregate_results_from_withExpressions_are_computed_over_the_whole_column()
    {
        var table = await RecipeHarness.SucceedAsync(Sales, "BOOLEAN_OPERATION", new
        {
            trueValueExpression = "`:maxcost`",
            falseValueExpression = "`:mincost`",
            valueExpression = "`price` > `:avgprice`",
            withExpressions = """[{"name":"avgprice","value":"avg(`price`)","type":"aggregate"},{"name":"maxcost","value":"max(`cost`)","type":"aggregate"},{"name":"mincost","value":"min(`cost`)","type":"aggregate"}]""",
            targetColumn = "pick",
        });

        // avg(price) = 18: only the lamp is above it.
        Assert.Equal("1|1|45|1", table.Values("pick"));
    }

    [Fact]
    public async Task Logic_text_booleans_and_null_tests_combine_with_parentheses()
    {
        var table = await RecipeHarness.SucceedAsync(Sales, "BOOLEAN_OPERATION", new
        {
            trueValueExpression = "1",
            falseValueExpression = "0",
            valueExpression = "(`region` = 'EU' OR `region` == \"US\") AND NOT `price` = NULL && `active` != false",
            targetColumn = "flag",
        });

        Assert.Equal("1|0|1|0", table.Values("flag"));
        Assert.Equal("bigint", table.Result.Schema.Single(c => c.Name == "flag").GlueType);
    }

    [Fact]
    public async Task A_missing_value_makes_a_comparison_false_and_a_condition_leaves_other_rows_missing()
    {
        var table = await RecipeHarness.SucceedAsync(Sales, "BOOLEAN_OPERATION",
            new { trueValueExpression = "high", falseValueExpression = "low", valueExpression = "`price` >= 10", targetColumn = "band" },
            new[] { new { Condition = "IS", Value = "EU", TargetColumn = "region" } });

        Assert.Equal("high|∅|high|∅", table.Values("band"));
    }

    [Theory]
    [InlineData("`price` <", "valueExpression", "DBR013", "ends where a value was expected")]
    [InlineData("`prize` < 3", "valueExpression", "DBR016", "column 'prize' does not exist")]
    [InlineData("`price` < `:nothing`", "valueExpression", "DBR013", "not declared in withExpressions")]
    [InlineData("(`price` < 3", "valueExpression", "DBR013", "never closed")]
    [InlineData("`price` < 3 `cost`", "valueExpression", "DBR013", "unexpected 'cost'")]
    [InlineData("`price` # 3", "valueExpression", "DBR013", "'#' at position 9")]
    public async Task A_bad_expression_is_a_diagnostic_naming_the_step_and_parameter(string expression, string parameter, string code, string fragment)
    {
        var table = await RecipeHarness.StepAsync(Sales, "BOOLEAN_OPERATION",
            new { trueValueExpression = "y", falseValueExpression = "n", valueExpression = expression, targetColumn = "t" });

        Assert.False(table.Result.Succeeded);
        var diagnostic = Assert.Single(table.Result.Validation.Diagnostics);
        Assert.Equal((code, 1, "BOOLEAN_OPERATION", parameter), (diagnostic.Code, diagnostic.Step!.Value, diagnostic.Operation!, diagnostic.Parameter!));
        Assert.Contains(fragment, diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[{"name":"m","value":"avg(`nope`)","type":"aggregate"}]""", "DBR016", "column 'nope' does not exist")]
    [InlineData("""[{"name":"m","value":"percentile(`price`)","type":"aggregate"}]""", "DBR013", "'percentile' is not an aggregate")]
    [InlineData("""[{"name":"m","value":"avg(`price`) + 1","type":"aggregate"}]""", "DBR013", "not an aggregate of one column")]
    [InlineData("""[{"name":"m","value":"avg(`price`)","type":"window"}]""", "DBR013", "the only type is")]
    public async Task A_bad_withExpressions_entry_is_a_diagnostic(string with, string code, string fragment)
    {
        var table = await RecipeHarness.StepAsync(Sales, "BOOLEAN_OPERATION",
            new { trueValueExpression = "y", falseValueExpression = "n", valueExpression = "`price` > `:m`", withExpressions = with, targetColumn = "t" });

        var diagnostic = Assert.Single(table.Result.Validation.Diagnostics);
        Assert.Equal((code, "withExpressions"), (diagnostic.Code, diagnostic.Parameter!));
        Assert.Contains(fragment, diagnostic.Message, StringComparison.Ordinal);
    }
}
