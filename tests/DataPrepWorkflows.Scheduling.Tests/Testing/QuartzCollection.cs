namespace DataPrepWorkflows.Scheduling.Tests.Testing;

/// <summary>
/// The tests that run Quartz schedulers, run one after the other: each waits on real fire times, and several
/// schedulers competing for two cores make fires late enough to count as misfires.
/// </summary>
[CollectionDefinition(Name)]
public sealed class QuartzCollection
{
    public const string Name = "Quartz schedulers";
}
