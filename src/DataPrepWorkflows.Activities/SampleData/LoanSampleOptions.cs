namespace DataPrepWorkflows.Activities.SampleData;

/// <summary>How much loan-application sample data to generate, and from which seed.</summary>
public sealed record LoanSampleOptions
{
    /// <summary>Number of data rows (duplicates included). <value>1000</value></summary>
    public int Rows { get; init; } = 1000;

    /// <summary>Seed; the same seed gives byte-identical output. <value>42</value></summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>First application date. <value>2024-01-01</value></summary>
    public DateOnly FirstDate { get; init; } = new(2024, 1, 1);

    /// <summary>Number of days over which applications are spread. <value>366</value></summary>
    public int Days { get; init; } = 366;
}
