namespace DataPrepWorkflows.Activities.Profile;

/// <summary>What the distribution pass needs from the moments pass (all null for a column with no values).</summary>
internal sealed record NumericMoments(double? Min, double? Max, double? Mean, double? StandardDeviation);
