namespace DataPrepWorkflows.Activities.Split;

/// <summary>One written split.</summary>
/// <param name="Name"><c>train</c>, <c>validation</c> or <c>test</c>.</param>
/// <param name="Path">The file written.</param>
/// <param name="Rows">Rows in the split.</param>
/// <param name="LabelCounts">Rows per label value (text; <c>null</c> labels under <c>"null"</c>), empty without a label column.</param>
public sealed record SplitPart(string Name, string Path, long Rows, IReadOnlyDictionary<string, long> LabelCounts);

/// <summary>The outcome of a split.</summary>
/// <param name="Parts">The splits, in the order train, validation, test (a split with a zero share is left out).</param>
public sealed record SplitResult(IReadOnlyList<SplitPart> Parts);
