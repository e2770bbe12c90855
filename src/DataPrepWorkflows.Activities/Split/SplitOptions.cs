namespace DataPrepWorkflows.Activities.Split;

/// <summary>How to split a dataset into train, validation and test sets.</summary>
public sealed record SplitOptions
{
    /// <summary>Share of rows for training.</summary>
    /// <value>0.7</value>
    public double Train { get; init; } = 0.7;

    /// <summary>Share of rows for validation.</summary>
    /// <value>0.15</value>
    public double Validation { get; init; } = 0.15;

    /// <summary>Share of rows for testing.</summary>
    /// <value>0.15</value>
    public double Test { get; init; } = 0.15;

    /// <summary>Seed of the hash that orders rows (or groups): the same seed gives the same split on any machine.</summary>
    /// <value>42</value>
    public long Seed { get; init; } = 42;

    /// <summary>Column whose label proportions every split keeps (stratified split), or <see langword="null"/>.</summary>
    public string? LabelColumn { get; init; }

    /// <summary>Column whose values are kept whole: every row of a group lands in the same split.</summary>
    public string? GroupColumn { get; init; }

    /// <summary>Timestamp column for a time-based split: the oldest rows train, the newest test.</summary>
    public string? TimeColumn { get; init; }

    /// <summary>Output file format by extension: <c>parquet</c>, <c>csv</c> or <c>json</c>.</summary>
    /// <value>parquet</value>
    public string Format { get; init; } = "parquet";
}
