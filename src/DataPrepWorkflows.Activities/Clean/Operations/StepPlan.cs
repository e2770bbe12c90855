namespace DataPrepWorkflows.Activities.Clean.Operations;

/// <summary>One compiled step: a SELECT over the previous relation and the columns it leaves.</summary>
/// <param name="Select">The SELECT statement (always carries the hidden row-position column last).</param>
/// <param name="Columns">The visible columns after the step, in order.</param>
internal sealed record StepPlan(string Select, IReadOnlyList<string> Columns)
{
    /// <summary>The step may remove rows (its row count is measured).</summary>
    public bool RemovesRows { get; init; }

    /// <summary>The column whose missing values the step fills (values filled are measured).</summary>
    public string? FillsColumn { get; init; }

    /// <summary>The step uses a window or sort, so the output must be ordered by row position again.</summary>
    public bool Reorders { get; init; }

    /// <summary>
    /// For a step deleting every row equal to an earlier one in these columns (SQL list), so the runner may run it as
    /// a filter on the rows found to repeat instead of <see cref="Select"/>'s grouping.
    /// </summary>
    public string? DuplicatesOf { get; init; }
}
