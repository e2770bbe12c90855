using DataPrepWorkflows.Activities.Clean.Operations;
using DataPrepWorkflows.Activities.Clean.Recipes;

namespace DataPrepWorkflows.Activities.Clean.Validation;

/// <summary>The outcome of validating a recipe against a dataset's columns.</summary>
/// <param name="Diagnostics">Every problem found, in step order.</param>
/// <param name="Columns">The columns the recipe would leave (as far as they can be known without data).</param>
public sealed record RecipeValidation(IReadOnlyList<RecipeDiagnostic> Diagnostics, IReadOnlyList<string> Columns)
{
    /// <summary>Whether the recipe can run.</summary>
    public bool IsValid => Diagnostics.Count == 0;

    /// <summary>All diagnostics, one per line.</summary>
    public override string ToString() => string.Join(Environment.NewLine, Diagnostics);
}

/// <summary>
/// Validates a recipe against the columns of the dataset it will run on, before anything runs: operation names,
/// parameters (missing, extra, wrong values) and columns, tracking the columns each step adds, removes and renames.
/// </summary>
public static class RecipeValidator
{
    /// <summary>DataBrew's limit on steps per recipe.</summary>
    public const int MaxSteps = 100;

    /// <summary>Validates <paramref name="recipe"/> for a dataset with <paramref name="columns"/>.</summary>
    /// <param name="recipe">The recipe.</param>
    /// <param name="columns">The dataset's columns, in order.</param>
    /// <returns>The diagnostics and the resulting columns.</returns>
    public static RecipeValidation Validate(Recipe recipe, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(columns);
        var diagnostics = new List<RecipeDiagnostic>();
        if (recipe.Steps.Count > MaxSteps)
        {
            diagnostics.Add(new(RecipeDiagnosticCodes.TooManySteps, null, null, null, $"the recipe has {recipe.Steps.Count} steps; DataBrew allows at most {MaxSteps}."));
        }

        var current = columns;
        for (var i = 0; i < recipe.Steps.Count; i++)
        {
            var step = recipe.Steps[i];
            var compiled = StepCompiler.Compile(i + 1, step, current, "validation", null, diagnostics);
            current = compiled?.Plan.Columns ?? StepCompiler.Assume(step, current);
        }

        return new RecipeValidation(diagnostics, current);
    }

    /// <summary>Reads recipe JSON and validates it in one go.</summary>
    /// <param name="json">The recipe file's text.</param>
    /// <param name="columns">The dataset's columns.</param>
    /// <returns>The diagnostics (reading problems first).</returns>
    public static RecipeValidation Validate(string json, IReadOnlyList<string> columns)
    {
        var read = RecipeReader.Read(json);
        return read.Recipe is null ? new RecipeValidation(read.Diagnostics, columns) : Validate(read.Recipe, columns);
    }

    /// <summary>The operation catalog the validator checks against.</summary>
    public static IReadOnlyList<OperationDefinition> Operations => OperationCatalog.Operations;
}
