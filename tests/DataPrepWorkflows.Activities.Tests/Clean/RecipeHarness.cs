using DataPrepWorkflows.Activities.Clean.Recipes;
using DataPrepWorkflows.Activities.Clean.Running;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Activities.Tests.Clean;

/// <summary>The data a recipe produced, every value as DuckDB's text (NULL as <see langword="null"/>).</summary>
internal sealed record CleanedTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows, RecipeRunResult Result)
{
    public IReadOnlyList<string?> Column(string name)
    {
        var index = Columns.ToList().IndexOf(name);
        Assert.True(index >= 0, $"no column '{name}' in [{string.Join(", ", Columns)}]");
        return Rows.Select(r => r[index]).ToList();
    }

    /// <summary>A column as one string, values separated by '|', NULL shown as '∅'.</summary>
    public string Values(string name) => string.Join("|", Column(name).Select(v => v ?? "∅"));
}

/// <summary>Runs recipes with the real runner on real DuckDB over small CSV fixtures in a temporary folder.</summary>
internal static class RecipeHarness
{
    public static async Task<CleanedTable> RunAsync(string csv, string recipeJson)
    {
        var folder = Directory.CreateTempSubdirectory("clean-tests-").FullName;
        try
        {
            var input = Path.Combine(folder, "in.csv");
            await File.WriteAllTextAsync(input, csv);
            var read = RecipeReader.Read(recipeJson);
            Assert.True(read.Recipe is not null, string.Join("\n", read.Diagnostics));
            using var session = DuckDbSession.Open();
            var output = Path.Combine(folder, "out.parquet");
            var result = await new RecipeRunner(session).RunAsync(read.Recipe!, input, output);
            if (!result.Succeeded)
            {
                return new CleanedTable([], [], result);
            }

            var preview = await session.Open(output).HeadAsync(10_000);
            return new CleanedTable(preview.Columns.Select(c => c.Name).ToList(), preview.Rows, result);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Runs one step given as its Action's Operation and Parameters (and optional conditions).</summary>
    public static Task<CleanedTable> StepAsync(string csv, string operation, object? parameters = null, object? conditions = null)
    {
        var step = new Dictionary<string, object?>
        {
            ["Action"] = new Dictionary<string, object?> { ["Operation"] = operation, ["Parameters"] = parameters ?? new { } },
        };
        if (conditions is not null)
        {
            step["ConditionExpressions"] = conditions;
        }

        return RunAsync(csv, System.Text.Json.JsonSerializer.Serialize(new[] { step }));
    }

    public static async Task<CleanedTable> SucceedAsync(string csv, string operation, object? parameters = null, object? conditions = null)
    {
        var table = await StepAsync(csv, operation, parameters, conditions);
        Assert.True(table.Result.Succeeded, table.Result.Validation.ToString());
        return table;
    }
}
