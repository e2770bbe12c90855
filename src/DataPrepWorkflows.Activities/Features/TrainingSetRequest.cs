namespace DataPrepWorkflows.Activities.Features;

/// <summary>What <see cref="TrainingSetBuilder"/> builds: a base dataset of (entity, timestamp) rows joined point-in-time to feature groups.</summary>
public sealed record TrainingSetRequest
{
    /// <summary>The base dataset (CSV, JSON Lines or Parquet; local path or <c>s3://</c> URI). It has each group's record identifier column.</summary>
    public required string Base { get; init; }

    /// <summary>The feature groups to join, in order.</summary>
    public required IReadOnlyList<string> Groups { get; init; }

    /// <summary>The output file (Parquet, CSV or JSON Lines by extension).</summary>
    public required string Output { get; init; }

    /// <summary>The base column holding each row's timestamp. <value>Defaults to the first group's event time feature name.</value></summary>
    public string? TimestampColumn { get; init; }

    /// <summary>When set, only what the store knew at this time is used (offline rows with <c>write_time</c> ≤ it).</summary>
    public DateTimeOffset? AsOf { get; init; }
}
