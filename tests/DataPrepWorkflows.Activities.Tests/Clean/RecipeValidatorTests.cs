using DataPrepWorkflows.Activities.Clean.Operations;
using DataPrepWorkflows.Activities.Clean.Validation;

namespace DataPrepWorkflows.Activities.Tests.Clean;

public sealed class RecipeValidatorTests
{
    private static readonly string[] Columns = ["name", "age", "income", "city"];

    private static RecipeDiagnostic Only(string json)
    {
        var validation = RecipeValidator.Validate(json, Columns);
        return Assert.Single(validation.Diagnostics);
    }

    [Fact]
    public void The_catalog_holds_at_least_sixty_operations_with_unique_names()
    {
        Assert.True(OperationCatalog.Operations.Count >= 60, $"{OperationCatalog.Operations.Count} operations");
        Assert.Equal(OperationCatalog.Operations.Count, OperationCatalog.Operations.Select(o => o.Name).Distinct().Count());
        Assert.All(OperationCatalog.Operations, o => Assert.Matches("^[A-Z_]+$", o.Name));
    }

    [Fact]
    public void Unknown_operation_suggests_the_closest_name()
    {
        var d = Only("""[{"Action":{"Operation":"FILL_WITH_AVERGE","Parameters":{"sourceColumn":"age"}}}]""");
        Assert.Equal(("DBR010", 1, "FILL_WITH_AVERGE"), (d.Code, d.Step, d.Operation));
        Assert.Contains("FILL_WITH_AVERAGE", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_extra_and_wrong_parameters_name_step_operation_and_parameter()
    {
        var missing = Only("""[{"Action":{"Operation":"RENAME","Parameters":{"sourceColumn":"age"}}}]""");
        Assert.Equal(("DBR011", 1, "RENAME", "targetColumn"), (missing.Code, missing.Step, missing.Operation, missing.Parameter));
        var extra = Only("""[{"Action":{"Operation":"REMOVE_MISSING","Parameters":{"sourceColumn":"age","sourceColumns":"x"}}}]""");
        Assert.Equal(("DBR012", "sourceColumns"), (extra.Code, extra.Parameter));
        var number = Only("""[{"Action":{"Operation":"BINARIZATION","Parameters":{"sourceColumn":"age","targetColumn":"b","threshold":"high"}}}]""");
        Assert.Equal(("DBR013", "threshold"), (number.Code, number.Parameter));
        var choice = Only("""[{"Action":{"Operation":"NORMALIZATION","Parameters":{"sourceColumn":"age","targetColumn":"n","strategy":"LOG"}}}]""");
        Assert.Equal(("DBR014", "strategy"), (choice.Code, choice.Parameter));
        var json = Only("""[{"Action":{"Operation":"MERGE","Parameters":{"sourceColumns":"name,city","targetColumn":"m"}}}]""");
        Assert.Equal(("DBR015", "sourceColumns"), (json.Code, json.Parameter));
        var both = Only("""[{"Action":{"Operation":"UPPER","Parameters":{"sourceColumn":"name","value":"x","targetColumn":"u"}}}]""");
        Assert.Equal(("DBR019", "value"), (both.Code, both.Parameter));
        var none = Only("""[{"Action":{"Operation":"UPPER","Parameters":{"targetColumn":"u"}}}]""");
        Assert.Equal(("DBR011", "sourceColumn"), (none.Code, none.Parameter));
    }

    [Fact]
    public void Columns_are_tracked_through_renames_deletes_and_additions()
    {
        var validation = RecipeValidator.Validate("""
            [
              {"Action":{"Operation":"RENAME","Parameters":{"sourceColumn":"age","targetColumn":"years"}}},
              {"Action":{"Operation":"FILL_WITH_AVERAGE","Parameters":{"sourceColumn":"age"}}},
              {"Action":{"Operation":"DUPLICATE","Parameters":{"sourceColumn":"years","targetColumn":"y2"}}},
              {"Action":{"Operation":"DELETE","Parameters":{"sourceColumn":"city"}}},
              {"Action":{"Operation":"UPPER_CASE","Parameters":{"sourceColumn":"city"}}},
              {"Action":{"Operation":"ABSOLUTE","Parameters":{"sourceColumn":"y2","targetColumn":"name"}}},
              {"Action":{"Operation":"UPPER_CASE","Parameters":{"sourceColumn":"name"}},"ConditionExpressions":[{"Condition":"IS","Value":"1","TargetColumn":"nope"}]}
            ]
            """, Columns);
        Assert.Equal(
            [("DBR016", 2, "sourceColumn"), ("DBR016", 5, "sourceColumn"), ("DBR017", 6, "targetColumn"), ("DBR016", 7, "ConditionExpressions[0].TargetColumn")],
            validation.Diagnostics.Select(d => (d.Code, d.Step!.Value, d.Parameter!)).ToList());
        Assert.Equal(["name", "years", "y2", "income"], validation.Columns);
    }

    [Fact]
    public void Unknown_condition_and_missing_condition_value_give_DBR018()
    {
        var unknown = Only("""[{"Action":{"Operation":"UPPER_CASE","Parameters":{"sourceColumn":"name"}},"ConditionExpressions":[{"Condition":"IS_BIGGER","Value":"1","TargetColumn":"age"}]}]""");
        Assert.Equal(("DBR018", "ConditionExpressions[0].Condition"), (unknown.Code, unknown.Parameter));
        var noValue = Only("""[{"Action":{"Operation":"UPPER_CASE","Parameters":{"sourceColumn":"name"}},"ConditionExpressions":[{"Condition":"GREATER_THAN","TargetColumn":"age"}]}]""");
        Assert.Equal(("DBR018", "ConditionExpressions[0].Value"), (noValue.Code, noValue.Parameter));
    }

    [Fact]
    public void More_than_a_hundred_steps_give_DBR002()
    {
        var steps = string.Join(",", Enumerable.Repeat("""{"Action":{"Operation":"DELETE_DUPLICATE_ROWS"}}""", 101));
        var d = Only("[" + steps + "]");
        Assert.Equal(("DBR002", (int?)null), (d.Code, d.Step));
    }

    [Fact]
    public void One_hot_columns_are_accepted_by_later_steps_without_data()
    {
        var validation = RecipeValidator.Validate("""
            [
              {"Action":{"Operation":"ONE_HOT_ENCODING","Parameters":{"sourceColumn":"city"}}},
              {"Action":{"Operation":"DELETE","Parameters":{"sourceColumn":"city_Oslo"}}}
            ]
            """, Columns);
        Assert.True(validation.IsValid, validation.ToString());
    }

    [Fact]
    public void Diagnostics_print_code_step_operation_and_parameter()
    {
        var d = new RecipeDiagnostic("DBR016", 3, "RENAME", "sourceColumn", "no column 'x'.");
        Assert.Equal("DBR016 step 3 (RENAME) sourceColumn: no column 'x'.", d.ToString());
    }
}
