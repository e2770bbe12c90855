namespace DataPrepWorkflows.Activities.Tests.Clean;

/// <summary>Operations that remove rows or reshape columns, checked on whole tables.</summary>
public sealed class RecipeRowTests
{
    private const string People = "name,age,income,city\nann,30,100,Oslo\nbob,,200,rome\ncid,40,,Oslo\ndee,50,400,\n";

    [Fact]
    public async Task REMOVE_MISSING_deletes_rows_with_null_or_empty_values()
    {
        var table = await RecipeHarness.SucceedAsync(People, "REMOVE_MISSING", new { sourceColumn = "age" });
        Assert.Equal("ann|cid|dee", table.Values("name"));
    }

    [Fact]
    public async Task DELETE_DUPLICATE_ROWS_keeps_the_first_of_exact_duplicates_in_order()
    {
        var table = await RecipeHarness.SucceedAsync("a,b\n2,x\n1,x\n2,x\n1,y\n1,x\n", "DELETE_DUPLICATE_ROWS");
        Assert.Equal("2|1|1", table.Values("a"));
        Assert.Equal("x|x|y", table.Values("b"));
    }

    [Fact]
    public async Task REMOVE_INVALID_deletes_values_that_are_not_numbers_and_keeps_missing_ones()
    {
        var table = await RecipeHarness.SucceedAsync("n,k\n1,a\nabc,b\n,c\n2.5,d\n", "REMOVE_INVALID", new { sourceColumn = "n", columnDataType = "number" });
        Assert.Equal("a|c|d", table.Values("k"));
    }

    [Fact]
    public async Task REMOVE_OUTLIERS_deletes_rows_beyond_the_z_score_threshold()
    {
        var table = await RecipeHarness.SucceedAsync("x\n1\n2\n3\n4\n100\n", "REMOVE_OUTLIERS",
            new { sourceColumn = "x", outlierStrategy = "Z_SCORE", threshold = "1.5", removeType = "DELETE_ROWS" });
        Assert.Equal("1|2|3|4", table.Values("x"));
        Assert.Equal(4, table.Result.Diff!.RowsOut);
    }

    [Fact]
    public async Task REMOVE_OUTLIERS_with_trimmed_statistics_uses_only_values_inside_the_percentiles()
    {
        // Trimmed to the 0-80th percentile the data is 1..5 (mean 3, σ √2); 100 and 9 lie beyond 3σ of that.
        var table = await RecipeHarness.SucceedAsync("x\n1\n2\n3\n4\n5\n9\n100\n", "REMOVE_OUTLIERS",
            new { sourceColumn = "x", outlierStrategy = "Z_SCORE", threshold = "3", trimValue = "true", minValue = "0", maxValue = "80" });
        Assert.Equal("1|2|3|4|5", table.Values("x"));
    }

    [Fact]
    public async Task Column_moves_and_deletes_reorder_the_columns()
    {
        var after = await RecipeHarness.SucceedAsync("a,b,c,d\n1,2,3,4\n", "MOVE_AFTER", new { sourceColumn = "a", targetColumn = "c" });
        Assert.Equal(["b", "c", "a", "d"], after.Columns);
        var before = await RecipeHarness.SucceedAsync("a,b,c,d\n1,2,3,4\n", "MOVE_BEFORE", new { sourceColumn = "d", targetColumn = "b" });
        Assert.Equal(["a", "d", "b", "c"], before.Columns);
        var start = await RecipeHarness.SucceedAsync("a,b,c,d\n1,2,3,4\n", "MOVE_TO_START", new { sourceColumn = "c" });
        Assert.Equal(["c", "a", "b", "d"], start.Columns);
        var end = await RecipeHarness.SucceedAsync("a,b,c,d\n1,2,3,4\n", "MOVE_TO_END", new { sourceColumn = "a" });
        Assert.Equal(["b", "c", "d", "a"], end.Columns);
        var index = await RecipeHarness.SucceedAsync("a,b,c,d\n1,2,3,4\n", "MOVE_TO_INDEX", new { sourceColumn = "d", targetIndex = "1" });
        Assert.Equal(["a", "d", "b", "c"], index.Columns);
        var deleted = await RecipeHarness.SucceedAsync("a,b,c,d\n1,2,3,4\n", "DELETE", new { sourceColumns = "[\"a\",\"c\"]" });
        Assert.Equal(["b", "d"], deleted.Columns);
        var one = await RecipeHarness.SucceedAsync("a,b,c,d\n1,2,3,4\n", "DELETE", new { sourceColumn = "b" });
        Assert.Equal(["a", "c", "d"], one.Columns);
    }

    [Fact]
    public async Task SPLIT_COLUMN_SINGLE_DELIMITER_replaces_the_column_by_its_parts()
    {
        var table = await RecipeHarness.SucceedAsync("u,k\na/b/c,1\n", "SPLIT_COLUMN_SINGLE_DELIMITER", new { sourceColumn = "u", pattern = "/", limit = "2" });
        Assert.Equal(["u_1", "u_2", "u_3", "k"], table.Columns);
        Assert.Equal(["a", "b", "c", "1"], table.Rows[0]);
    }

    [Fact]
    public async Task MERGE_replaces_its_source_columns()
    {
        var table = await RecipeHarness.SucceedAsync("f,m,l\nAnn,B,Lee\n", "MERGE", new { sourceColumns = "[\"f\",\"l\"]", delimiter = " ", targetColumn = "Merged Column 1" });
        Assert.Equal(["Merged Column 1", "m"], table.Columns);
        Assert.Equal("Ann Lee", table.Values("Merged Column 1"));
    }

    [Fact]
    public async Task ONE_HOT_ENCODING_adds_a_column_per_value_after_the_source()
    {
        var table = await RecipeHarness.SucceedAsync("c,k\nred,1\nblue,2\n,3\n", "ONE_HOT_ENCODING", new { sourceColumn = "c" });
        Assert.Equal(["c", "c_blue", "c_red", "k"], table.Columns);
        Assert.Equal("0|1|0", table.Values("c_blue"));
    }

    [Fact]
    public async Task ONE_HOT_ENCODING_refuses_more_than_ten_values()
    {
        var csv = "c\n" + string.Join("\n", Enumerable.Range(0, 11).Select(i => "v" + i)) + "\n";
        var table = await RecipeHarness.StepAsync(csv, "ONE_HOT_ENCODING", new { sourceColumn = "c" });
        Assert.Equal("DBR020", Assert.Single(table.Result.Validation.Diagnostics).Code);
    }

    [Fact]
    public async Task CHANGE_DATA_TYPE_to_int_and_date_turns_unconvertible_values_into_missing()
    {
        var ints = await RecipeHarness.SucceedAsync("v\n12\nx\n", "CHANGE_DATA_TYPE", new { sourceColumn = "v", columnDataType = "int" });
        Assert.Equal("12|∅", ints.Values("v"));
        var dates = await RecipeHarness.SucceedAsync("v\n2024-01-02\nsoon\n", "CHANGE_DATA_TYPE", new { sourceColumn = "v", columnDataType = "date" });
        Assert.Equal("2024-01-02|∅", dates.Values("v"));
        Assert.Equal("date", dates.Result.Schema.Single().GlueType);
    }
}
