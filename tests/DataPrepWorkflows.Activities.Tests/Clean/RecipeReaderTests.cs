using DataPrepWorkflows.Activities.Clean.Recipes;

namespace DataPrepWorkflows.Activities.Tests.Clean;

public sealed class RecipeReaderTests
{
    [Fact]
    public void Reads_the_step_array_with_conditions()
    {
        var read = RecipeReader.Read("""
            [
              { "Action": { "Operation": "REMOVE_MISSING", "Parameters": { "sourceColumn": "age" } } },
              { "Action": { "Operation": "NORMALIZATION", "Parameters": { "sourceColumn": "v", "strategy": "MIN_MAX", "targetColumn": "n" } },
                "ConditionExpressions": [ { "Condition": "GREATER_THAN", "Value": "3", "TargetColumn": "v" } ] }
            ]
            """);
        var recipe = Assert.IsType<Recipe>(read.Recipe);
        Assert.Equal(2, recipe.Steps.Count);
        Assert.Equal("age", recipe.Steps[0].Action.Parameters["sourceColumn"]);
        Assert.Equal(new ConditionExpression("GREATER_THAN", "3", "v"), Assert.Single(recipe.Steps[1].ConditionExpressions));
    }

    [Fact]
    public void Reads_the_recipe_object_and_the_RecipeAction_wrapper()
    {
        var read = RecipeReader.Read("""{ "Name": "loans", "Steps": [ { "RecipeAction": { "Operation": "DELETE_DUPLICATE_ROWS" } } ] }""");
        Assert.Equal("loans", read.Recipe!.Name);
        Assert.Equal("DELETE_DUPLICATE_ROWS", Assert.Single(read.Recipe.Steps).Action.Operation);
        Assert.Empty(read.Recipe.Steps[0].Action.Parameters);
        var single = RecipeReader.Read("""{ "RecipeAction": { "Operation": "MERGE", "Parameters": { "delimiter": " ", "sourceColumns": "[\"a\",\"b\"]", "targetColumn": "m" } } }""");
        Assert.Equal("MERGE", Assert.Single(single.Recipe!.Steps).Action.Operation);
    }

    [Fact]
    public void Reads_the_console_download_with_lower_case_keys()
    {
        var read = RecipeReader.Read("""[{"action":{"operation":"UPPER_CASE","parameters":{"sourceColumn":"c"}},"conditionExpressions":[]}]""");
        Assert.Equal("UPPER_CASE", Assert.Single(read.Recipe!.Steps).Action.Operation);
    }

    [Theory]
    [InlineData("not json", null, null)]
    [InlineData("42", null, null)]
    [InlineData("""[{"Action":{"Operation":"REMOVE_MISSING","Parameters":{"sourceColumn":3}}}]""", 1, "sourceColumn")]
    [InlineData("""[{"Action":{"Parameters":{}}}]""", 1, "Action.Operation")]
    [InlineData("""[{}, {"Action":{"Operation":"X"},"ConditionExpressions":[{"Condition":"IS"}]}]""", 1, "Action")]
    public void Malformed_recipes_give_DBR001_naming_step_and_field(string json, int? step, string? field)
    {
        var read = RecipeReader.Read(json);
        Assert.Null(read.Recipe);
        var first = read.Diagnostics[0];
        Assert.Equal("DBR001", first.Code);
        Assert.Equal(step, first.Step);
        Assert.Equal(field, first.Parameter);
    }
}
