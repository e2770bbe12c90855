using System.CommandLine;
using System.Globalization;
using DataPrepWorkflows.Activities.Backends;
using DataPrepWorkflows.Activities.Clean.Recipes;
using DataPrepWorkflows.Activities.Clean.Running;
using DataPrepWorkflows.Activities.Clean.Validation;
using DataPrepWorkflows.Cli.Console;
using DataPrepWorkflows.Cli.Hosting;
using DataPrepWorkflows.DataPlane.Datasets;
using DataPrepWorkflows.Storage;

namespace DataPrepWorkflows.Cli.Recipes;

/// <summary>
/// <c>dataprep recipe validate|run --recipe r.json --data in.csv [--output out.parquet]</c>: DataBrew recipes outside
/// a workflow. Diagnostics name the step, operation and parameter; exit code 1 when the recipe is invalid.
/// </summary>
internal static class RecipeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("recipe", "Validate or run DataBrew recipes (the console's recipe JSON).");
        command.Subcommands.Add(Validate(output, error));
        command.Subcommands.Add(Run(output, error));
        return command;
    }

    private static Option<FileInfo> RecipeOption() => new("--recipe", "-r") { Description = "The recipe JSON file.", Required = true };

    private static Option<string> DataOption() => new("--data", "-d") { Description = "The dataset: local path, glob or s3:// URI.", Required = true };

    private static Command Validate(TextWriter output, TextWriter error)
    {
        var recipe = RecipeOption();
        var data = DataOption();
        var command = new Command("validate", "Check a recipe against a dataset's columns.") { recipe, data };
        command.SetAction((parse, cancellationToken) => WithRecipeAsync(parse.GetRequiredValue(recipe), error, cancellationToken, async (parsed, backends) =>
        {
            using var session = backends.OpenSession();
            var validation = await new RecipeRunner(session).ValidateAsync(parsed, Resolve(backends, parse.GetRequiredValue(data)), cancellationToken: cancellationToken);
            return await ReportAsync(validation.Diagnostics, parsed, output, error);
        }));
        return command;
    }

    private static Command Run(TextWriter output, TextWriter error)
    {
        var recipe = RecipeOption();
        var data = DataOption();
        var target = new Option<string>("--output", "-o") { Description = "Where to write the result (.csv or .parquet; local path or s3://).", Required = true };
        var command = new Command("run", "Run a recipe on a dataset and write the result.") { recipe, data, target };
        command.SetAction((parse, cancellationToken) => WithRecipeAsync(parse.GetRequiredValue(recipe), error, cancellationToken, async (parsed, backends) =>
        {
            using var session = backends.OpenSession();
            var result = await new RecipeRunner(session).RunAsync(
                parsed, Resolve(backends, parse.GetRequiredValue(data)), Resolve(backends, parse.GetRequiredValue(target)), cancellationToken: cancellationToken);
            if (!result.Succeeded)
            {
                return await ReportAsync(result.Validation.Diagnostics, parsed, output, error);
            }

            var c = CultureInfo.InvariantCulture;
            foreach (var step in result.Steps)
            {
                await output.WriteLineAsync(string.Create(c, $"step {step.Step,2} {step.Operation,-28} {step.Rows,10} rows {step.Columns,4} columns {step.ValuesFilled,8} filled"));
            }

            if (result.Diff is { } diff)
            {
                await output.WriteLineAsync(string.Create(c,
                    $"rows {diff.RowsIn} → {diff.RowsOut}, {diff.ValuesFilled} values filled, columns added: {List(diff.ColumnsAdded)}, removed: {List(diff.ColumnsRemoved)}"));
            }

            await output.WriteLineAsync($"wrote {parse.GetRequiredValue(target)}");
            return 0;
        }));
        return command;
    }

    private static async Task<int> WithRecipeAsync(FileInfo file, TextWriter error, CancellationToken cancellationToken, Func<Recipe, DataBackends, Task<int>> work)
    {
        if (!file.Exists)
        {
            throw new UserError(CliErrorCodes.FileNotFound, $"recipe '{file.FullName}' does not exist.");
        }

        var read = RecipeReader.Read(await File.ReadAllTextAsync(file.FullName, cancellationToken));
        if (read.Recipe is null)
        {
            foreach (var diagnostic in read.Diagnostics)
            {
                await error.WriteLineAsync($"{file.Name}: error {diagnostic}");
            }

            return 1;
        }

        var host = CliHost.Load();
        using var backends = await host.OpenBackendsAsync(cancellationToken);
        try
        {
            return await work(read.Recipe, backends);
        }
        catch (DatasetException e)
        {
            throw new UserError(CliErrorCodes.InvalidData, e.Message);
        }
    }

    private static async Task<int> ReportAsync(IReadOnlyList<RecipeDiagnostic> diagnostics, Recipe recipe, TextWriter output, TextWriter error)
    {
        foreach (var diagnostic in diagnostics)
        {
            await error.WriteLineAsync($"error {diagnostic}");
        }

        if (diagnostics.Count > 0)
        {
            return 1;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"recipe is valid: {recipe.Steps.Count} step(s)"));
        return 0;
    }

    private static string Resolve(DataBackends backends, string path)
    {
        try
        {
            return backends.ResolveLocalPath(path);
        }
        catch (StorageException e)
        {
            throw new UserError(CliErrorCodes.InvalidInput, e.Message);
        }
    }

    private static string List(IReadOnlyList<string> names) => names.Count == 0 ? "none" : string.Join(", ", names);
}
