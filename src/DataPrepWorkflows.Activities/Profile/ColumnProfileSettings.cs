namespace DataPrepWorkflows.Activities.Profile;

/// <summary>What to compute for one column, after the profile configuration is applied.</summary>
internal sealed record ColumnProfileSettings(IReadOnlySet<string> Included)
{
    public int MostCommonValues { get; init; } = 50;

    public int ExtremeValues { get; init; } = 5;

    public int Bins { get; init; } = 20;

    public double OutlierThreshold { get; init; } = 3;

    public int OutlierSample { get; init; } = 5;

    public bool Has(string statistic) => Included.Contains(statistic);

    public bool HasAny(params ReadOnlySpan<string> statistics)
    {
        foreach (var statistic in statistics)
        {
            if (Included.Contains(statistic))
            {
                return true;
            }
        }

        return false;
    }
}
