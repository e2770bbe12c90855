namespace DataPrepWorkflows.Scheduling;

/// <summary>The database holding Quartz's job store.</summary>
public enum ScheduleStoreProvider
{
    /// <summary>SQLite (the embedded default): one scheduler per database file and scheduler name.</summary>
    Sqlite,

    /// <summary>PostgreSQL: several nodes share one clustered scheduler, so each fire runs on one node.</summary>
    PostgreSql,
}
