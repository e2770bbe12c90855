namespace DataPrepWorkflows.Persistence;

/// <summary>Where the runtime keeps its state (configuration section <c>Persistence</c>).</summary>
public sealed record PersistenceOptions
{
    /// <summary><c>sqlite</c> (embedded default) or <c>postgresql</c>.</summary>
    public string Provider { get; init; } = "sqlite";

    /// <summary>The SQLite database file. <value><c>.dataprep/runtime.db</c></value></summary>
    public string SqlitePath { get; init; } = ".dataprep/runtime.db";

    /// <summary>The PostgreSQL connection string (Npgsql syntax), for <c>postgresql</c>.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>The PostgreSQL schema holding the tables. <value><c>dataprep</c></value></summary>
    public string Schema { get; init; } = "dataprep";
}
