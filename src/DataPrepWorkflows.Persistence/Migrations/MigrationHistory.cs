namespace DataPrepWorkflows.Persistence.Migrations;

/// <summary>Every schema version this build knows, oldest first.</summary>
internal static class MigrationHistory
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        V1Core.Migration,
        V2WorkQueue.Migration,
        V3IncidentsTriggersAudit.Migration,
        V4JournalChunks.Migration,
    ];

    public static int LatestVersion => All[^1].Version;
}
