using DataPrepWorkflows.Activities.Clean.Recipes;
using DataPrepWorkflows.Activities.Clean.Running;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Activities.Tests.Clean.Running;

/// <summary>DELETE_DUPLICATE_ROWS as a filter on hashed rows, and the grouping kept for very wide row ranges: same rows, same order.</summary>
public sealed class DuplicateFilterTests
{
    private const string Recipe = """[{ "Action": { "Operation": "DELETE_DUPLICATE_ROWS" } }, { "Action": { "Operation": "FILL_WITH_CUSTOM", "Parameters": { "sourceColumn": "n", "columnDataType": "string", "value": "-" } } }]""";

    public static TheoryData<string, string, long[]> Cases() => new()
    {
        { "a,n\n2,x\n1,\n2,x\n1,\n3,y\n2,x\n", "2|1|3", [6, 3, 3] },
        { "a,n\n1,\n,\n1,\n,\n", "1|∅", [4, 2, 2] },
        { "a,n\n1,1\n2,2\n", "1|2", [2, 2, 2] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_filter_and_the_grouping_keep_the_first_of_equal_rows_in_order(string csv, string kept, long[] rows)
    {
        foreach (var maxRange in new[] { DuplicateFilter.MaxRange, 0 })
        {
            var (values, result) = await RunAsync(csv, maxRange);
            Assert.Equal(kept, values);
            Assert.Equal(rows, result.Steps.Select(s => s.Rows));
        }
    }

    private static async Task<(string Values, RecipeRunResult Result)> RunAsync(string csv, long maxRange)
    {
        var folder = Directory.CreateTempSubdirectory("clean-duplicates-").FullName;
        try
        {
            var input = Path.Combine(folder, "in.csv");
            await File.WriteAllTextAsync(input, csv);
            using var session = DuckDbSession.Open();
            var runner = new RecipeRunner(session) { DuplicateFilterMaxRange = maxRange };
            var result = await runner.RunAsync(RecipeReader.Read(Recipe).Recipe!, input, Path.Combine(folder, "out.parquet"));
            Assert.True(result.Succeeded, result.Validation.ToString());
            var preview = await session.Open(Path.Combine(folder, "out.parquet")).HeadAsync(100);
            return (string.Join("|", preview.Rows.Select(r => r[0] ?? "∅")), result);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
