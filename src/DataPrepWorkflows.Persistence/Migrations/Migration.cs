namespace DataPrepWorkflows.Persistence.Migrations;

/// <summary>
/// One schema version: the same change written once per provider. Versions are applied in order, each in its own
/// transaction, and recorded in <c>schema_version</c>; a released migration never changes (a fix is a new version).
/// </summary>
/// <param name="Version">The version this migration brings the schema to (1, 2, …).</param>
/// <param name="Name">What it adds.</param>
/// <param name="Sqlite">The SQLite script.</param>
/// <param name="PostgreSql">The PostgreSQL script (runs with the store's schema first on the search path).</param>
internal sealed record Migration(int Version, string Name, string Sqlite, string PostgreSql);
