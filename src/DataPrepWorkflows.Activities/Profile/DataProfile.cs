using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Activities.Profile;

/// <summary>A dataset's profile: the headline figures and the full result in DataBrew's profile output shape.</summary>
/// <param name="RowCount">Rows profiled (all rows: the local profile does not sample).</param>
/// <param name="ColumnCount">Columns profiled.</param>
/// <param name="DuplicateRowsCount">Rows that repeat an earlier row, or null when DUPLICATE_ROWS_COUNT was not asked for.</param>
/// <param name="Json">The profile JSON (<c>sampleSize</c>, <c>duplicateRowsCount</c>, <c>columns[]</c> …).</param>
public sealed record DataProfile(long RowCount, int ColumnCount, long? DuplicateRowsCount, JsonObject Json);
