namespace DataPrepWorkflows.Activities.Tests.Clean;

/// <summary>ConditionExpressions: a step applies only to rows where every condition holds.</summary>
public sealed class ConditionTests
{
    private const string Data = "name,age,city\nann,30,Oslo\nbob,15,Rome\ncid,70,Oslo\ndee,,Paris\n";

    private static object Condition(string condition, string target, string? value = null) =>
        new { Condition = condition, Value = value, TargetColumn = target };

    [Theory]
    [InlineData("IS", "city", "Oslo", "ANN|bob|CID|dee")]
    [InlineData("IS_NOT", "city", "Oslo", "ann|BOB|cid|DEE")]
    [InlineData("IS_ONE_OF", "city", "[\"Rome\",\"Paris\"]", "ann|BOB|cid|DEE")]
    [InlineData("IS_NOT_ONE_OF", "city", "[\"Rome\",\"Paris\"]", "ANN|bob|CID|dee")]
    [InlineData("CONTAINS", "city", "r", "ann|bob|cid|DEE")]
    [InlineData("DOES_NOT_CONTAIN", "city", "r", "ANN|BOB|CID|dee")]
    [InlineData("STARTS_WITH", "city", "O", "ANN|bob|CID|dee")]
    [InlineData("DOES_NOT_START_WITH", "city", "O", "ann|BOB|cid|DEE")]
    [InlineData("ENDS_WITH", "city", "e", "ann|BOB|cid|dee")]
    [InlineData("DOES_NOT_END_WITH", "city", "e", "ANN|bob|CID|DEE")]
    [InlineData("MATCHES", "city", "[OR].*", "ANN|BOB|CID|dee")]
    [InlineData("GREATER_THAN", "age", "30", "ann|bob|CID|dee")]
    [InlineData("GREATER_THAN_EQUAL", "age", "30", "ANN|bob|CID|dee")]
    [InlineData("LESS_THAN", "age", "30", "ann|BOB|cid|dee")]
    [InlineData("LESS_THAN_EQUAL", "age", "30", "ANN|BOB|cid|dee")]
    [InlineData("IS_MISSING", "age", null, "ann|bob|cid|DEE")]
    [InlineData("IS_NOT_MISSING", "age", null, "ANN|BOB|CID|dee")]
    public async Task A_condition_limits_the_rows_an_in_place_step_changes(string condition, string target, string? value, string expected)
    {
        var table = await RecipeHarness.SucceedAsync(Data, "UPPER_CASE", new { sourceColumn = "name" }, new[] { Condition(condition, target, value) });
        Assert.Equal(expected, table.Values("name"));
    }

    [Fact]
    public async Task Conditions_are_anded()
    {
        var table = await RecipeHarness.SucceedAsync(Data, "UPPER_CASE", new { sourceColumn = "name" },
            new[] { Condition("IS", "city", "Oslo"), Condition("GREATER_THAN", "age", "50") });
        Assert.Equal("ann|bob|CID|dee", table.Values("name"));
    }

    [Fact]
    public async Task A_condition_on_a_row_removing_step_deletes_only_matching_rows()
    {
        var table = await RecipeHarness.SucceedAsync(Data, "REMOVE_MISSING", new { sourceColumn = "age" }, new[] { Condition("IS", "city", "Rome") });
        Assert.Equal(4, table.Rows.Count);
        var removed = await RecipeHarness.SucceedAsync(Data, "REMOVE_MISSING", new { sourceColumn = "age" }, new[] { Condition("IS", "city", "Paris") });
        Assert.Equal("ann|bob|cid", removed.Values("name"));
    }

    [Fact]
    public async Task A_condition_on_a_new_column_leaves_other_rows_missing()
    {
        var table = await RecipeHarness.SucceedAsync(Data, "UPPER", new { sourceColumn = "name", targetColumn = "loud" }, new[] { Condition("IS", "city", "Oslo") });
        Assert.Equal("ANN|∅|CID|∅", table.Values("loud"));
    }

    [Fact]
    public async Task A_condition_on_a_fill_fills_only_matching_rows()
    {
        var table = await RecipeHarness.SucceedAsync("a,g\n,x\n,y\n4,x\n", "FILL_WITH_CUSTOM", new { sourceColumn = "a", columnDataType = "number", value = "1" },
            new[] { Condition("IS", "g", "x") });
        Assert.Equal("1.0|∅|4.0", table.Values("a"));
        Assert.Equal(1, table.Result.Diff!.ValuesFilled);
    }
}
