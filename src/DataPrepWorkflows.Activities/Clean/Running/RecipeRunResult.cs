using DataPrepWorkflows.Activities.Clean.Validation;
using DataPrepWorkflows.DataPlane.Datasets;

namespace DataPrepWorkflows.Activities.Clean.Running;

/// <summary>The rows and columns after one step.</summary>
/// <param name="Step">The 1-based step number (0 is the input).</param>
/// <param name="Operation">The operation (<c>INPUT</c> for step 0).</param>
/// <param name="Rows">Rows after the step.</param>
/// <param name="Columns">Columns after the step.</param>
/// <param name="ValuesFilled">Missing values the step filled.</param>
public sealed record RecipeStepResult(int Step, string Operation, long Rows, int Columns, long ValuesFilled);

/// <summary>What a recipe changed, overall.</summary>
/// <param name="RowsIn">Rows read.</param>
/// <param name="RowsOut">Rows written.</param>
/// <param name="ValuesFilled">Missing values filled by FILL_WITH_* steps.</param>
/// <param name="ColumnsAdded">Columns in the output that the input did not have.</param>
/// <param name="ColumnsRemoved">Input columns the output no longer has.</param>
public sealed record RecipeDiff(long RowsIn, long RowsOut, long ValuesFilled, IReadOnlyList<string> ColumnsAdded, IReadOnlyList<string> ColumnsRemoved)
{
    /// <summary>Rows the recipe removed.</summary>
    public long RowsRemoved => RowsIn - RowsOut;
}

/// <summary>The outcome of running a recipe.</summary>
/// <param name="Validation">Diagnostics; when there are any, nothing was written.</param>
/// <param name="Written">What was written, when the run succeeded.</param>
/// <param name="Steps">Rows and columns after each step (step 0 is the input).</param>
/// <param name="Diff">The recipe's overall effect, when the run succeeded.</param>
/// <param name="Schema">The output's columns, when the run succeeded.</param>
public sealed record RecipeRunResult(
    RecipeValidation Validation,
    DatasetWriteResult? Written,
    IReadOnlyList<RecipeStepResult> Steps,
    RecipeDiff? Diff,
    IReadOnlyList<DatasetColumn> Schema)
{
    /// <summary>Whether the output was written.</summary>
    public bool Succeeded => Validation.IsValid && Written is not null;
}
