namespace DataPrepWorkflows.Activities.Tests.Clean.Running;

/// <summary>
/// Per-step rows and filled values, whichever way each count is obtained: inside a step's statistics pass, from the
/// rows written, or from the closing query; and statistics computed in rounds or, for modes, over a table.
/// </summary>
public sealed class RecipeRunnerCountTests
{
    // Row 2 is repeated; ages 30, 40, 50, 1000, 35 and one missing; two incomes and one city missing.
    private const string Loans = "id,age,income,city\n1,30,100,Oslo\n2,,200,\n2,,200,\n3,40,,Rome\n4,50,400,Oslo\n5,1000,500,Rome\n6,35,,Oslo\n";

    private const string Recipe = """
        [
          { "Action": { "Operation": "DELETE_DUPLICATE_ROWS" } },
          { "Action": { "Operation": "FILL_WITH_MEDIAN", "Parameters": { "sourceColumn": "age" } } },
          { "Action": { "Operation": "REMOVE_OUTLIERS", "Parameters": { "sourceColumn": "age", "outlierStrategy": "MODIFIED_Z_SCORE", "threshold": "3.5" } } },
          { "Action": { "Operation": "FILL_WITH_MOST_FREQUENT", "Parameters": { "sourceColumn": "city" } } },
          { "Action": { "Operation": "FILL_WITH_AVERAGE", "Parameters": { "sourceColumn": "income" } } },
          { "Action": { "Operation": "REMOVE_MISSING", "Parameters": { "sourceColumn": "city" } } }
        ]
        """;

    [Fact]
    public async Task Every_step_reports_its_rows_and_filled_values()
    {
        var table = await RecipeHarness.RunAsync(Loans, Recipe);

        Assert.True(table.Result.Succeeded, table.Result.Validation.ToString());
        var steps = table.Result.Steps;
        Assert.Equal(["INPUT", "DELETE_DUPLICATE_ROWS", "FILL_WITH_MEDIAN", "REMOVE_OUTLIERS", "FILL_WITH_MOST_FREQUENT", "FILL_WITH_AVERAGE", "REMOVE_MISSING"], steps.Select(s => s.Operation));
        Assert.Equal([7L, 6, 6, 5, 5, 5, 5], steps.Select(s => s.Rows));
        Assert.Equal([0L, 0, 1, 0, 1, 2, 0], steps.Select(s => s.ValuesFilled));
        Assert.All(steps, s => Assert.Equal(4, s.Columns));
        var diff = table.Result.Diff!;
        Assert.Equal((7L, 5L, 2L, 4L), (diff.RowsIn, diff.RowsOut, diff.RowsRemoved, diff.ValuesFilled));
    }

    [Fact]
    public async Task Statistics_are_those_of_the_data_at_their_step()
    {
        // Median age 40 fills row 2; the MAD of 30, 40, 40, 50, 1000, 35 is 7.5, so 1000 lies beyond 3.5 modified z;
        // the mean income is then taken over the rows left (100, 200, 400), not over the input.
        var table = await RecipeHarness.RunAsync(Loans, Recipe);

        Assert.Equal("1|2|3|4|6", table.Values("id"));
        Assert.Equal("30.0|40.0|40.0|50.0|35.0", table.Values("age"));
        Assert.Equal("100.0|200.0|233.33333333333334|400.0|233.33333333333334", table.Values("income"));
        Assert.Equal("Oslo|Oslo|Rome|Oslo|Oslo", table.Values("city"));
    }

    [Fact]
    public async Task A_statistic_of_a_column_without_numbers_is_missing_and_fills_nothing()
    {
        var table = await RecipeHarness.RunAsync("k,v\na,\nb,\n", """
            [
              { "Action": { "Operation": "CHANGE_DATA_TYPE", "Parameters": { "sourceColumn": "v", "columnDataType": "double" } } },
              { "Action": { "Operation": "FILL_WITH_AVERAGE", "Parameters": { "sourceColumn": "v" } } }
            ]
            """);

        Assert.True(table.Result.Succeeded, table.Result.Validation.ToString());
        Assert.Equal("∅|∅", table.Values("v"));
        Assert.Equal(0, table.Result.Diff!.ValuesFilled);
        Assert.Equal("double", table.Result.Schema.Single(c => c.Name == "v").GlueType);
    }

    [Fact]
    public async Task Trimmed_modified_z_scores_take_three_rounds_of_statistics()
    {
        // Between the 0th and 80th percentiles (1 and 8.2) lie 1..5: median 3, MAD 1, bounds 3 ± 3.5 / 0.6745.
        var table = await RecipeHarness.SucceedAsync("x\n1\n2\n3\n4\n5\n9\n100\n", "REMOVE_OUTLIERS",
            new { sourceColumn = "x", outlierStrategy = "MODIFIED_Z_SCORE", threshold = "3.5", trimValue = "true", minValue = "0", maxValue = "80" });

        Assert.Equal("1|2|3|4|5", table.Values("x"));
        Assert.Equal(5, table.Result.Diff!.RowsOut);
    }

    [Fact]
    public async Task Trimmed_IQR_bounds_use_the_quartiles_of_the_kept_values()
    {
        // Between the 0th and 80th percentiles lie 1..5: Q1 2, Q3 4, so with threshold 1 the bounds are [0, 6].
        var table = await RecipeHarness.SucceedAsync("x\n1\n2\n3\n4\n5\n9\n100\n", "REPLACE_OUTLIERS",
            new { sourceColumn = "x", outlierStrategy = "IQR", threshold = "1", trimValue = "true", minValue = "0", maxValue = "80", replaceType = "WINSORIZE_VALUES" });

        Assert.Equal("1.0|2.0|3.0|4.0|5.0|6.0|6.0", table.Values("x"));
    }

    [Fact]
    public async Task Empty_text_counts_as_missing_and_numbers_are_missing_only_when_null()
    {
        const string Data = "t,n\n\"\",1.5\nx,\n,2.5\n";
        var text = await RecipeHarness.SucceedAsync(Data, "FILL_WITH_CUSTOM", new { sourceColumn = "t", columnDataType = "string", value = "?" });
        Assert.Equal("?|x|?", text.Values("t"));
        Assert.Equal(2, text.Result.Diff!.ValuesFilled);

        var number = await RecipeHarness.SucceedAsync(Data, "FILL_WITH_AVERAGE", new { sourceColumn = "n" });
        Assert.Equal("1.5|2.0|2.5", number.Values("n"));
        Assert.Equal(1, number.Result.Diff!.ValuesFilled);
    }
}
