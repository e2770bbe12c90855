using System.Text.RegularExpressions;
using DataPrepWorkflows.Activities.Crawl;
using DataPrepWorkflows.Catalog;
using DataPrepWorkflows.DataPlane.Schema;
using DataPrepWorkflows.DataPlane.Sessions;
using DataPrepWorkflows.Storage;

namespace DataPrepWorkflows.Activities.GlueJob;

/// <summary>
/// Makes <c>database.table</c> in a SQL job mean the catalog table: each reference that names a catalog table becomes a
/// DuckDB view (schema = database) over the table's files, read by its classification, with <c>key=value</c>
/// partition folders as columns.
/// </summary>
internal sealed partial class CatalogViews(ICatalog catalog, IObjectStore store, ILocalObjectFiles local, DuckDbSession session)
{
    public async Task<List<string>> RegisterAsync(string sql, CancellationToken cancellationToken)
    {
        var registered = new List<string>();
        var candidates = Reference().Matches(sql)
            .Select(m => (Database: m.Groups[1].Value.ToLowerInvariant(), Table: m.Groups[2].Value.ToLowerInvariant()))
            .Distinct();
        var databases = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var (database, name) in candidates)
        {
            if (!databases.TryGetValue(database, out var exists))
            {
                databases[database] = exists = await catalog.FindDatabaseAsync(database, cancellationToken).ConfigureAwait(false) is not null;
            }

            if (!exists || await catalog.FindTableAsync(database, name, cancellationToken).ConfigureAwait(false) is not { } table)
            {
                continue;
            }

            var relation = await RelationAsync(table, cancellationToken).ConfigureAwait(false);
            await session.ExecuteAsync($"CREATE SCHEMA IF NOT EXISTS {SqlQuote.Identifier(database)}", cancellationToken).ConfigureAwait(false);
            await session.ExecuteAsync(
                $"CREATE OR REPLACE VIEW {SqlQuote.Identifier(database)}.{SqlQuote.Identifier(name)} AS SELECT * FROM {relation}",
                cancellationToken).ConfigureAwait(false);
            registered.Add($"{database}.{name}");
        }

        return registered;
    }

    private async Task<string> RelationAsync(Table table, CancellationToken cancellationToken)
    {
        var location = table.StorageDescriptor?.Location;
        var columns = table.StorageDescriptor?.Columns ?? [];
        var files = new List<string>();
        if (location is not null && S3Uri.TryParse(location, out var uri, out _))
        {
            await foreach (var info in store.ListAllAsync(uri, cancellationToken).ConfigureAwait(false))
            {
                if (info.Size > 0 && FileClassification.FromName(info.Uri.Name) is not null)
                {
                    files.Add(local.GetPath(info.Uri));
                }
            }
        }

        var parameters = table.Parameters ?? new Dictionary<string, string>();
        if (files.Count == 0)
        {
            // A table without files still has its columns, so queries over it run and return nothing.
            var typed = columns.Concat(table.PartitionKeys ?? [])
                .Select(c => $"CAST(NULL AS {GlueTypes.ToDuckDbSql(c.Type ?? "string")}) AS {SqlQuote.Identifier(c.Name)}");
            return $"(SELECT {string.Join(", ", typed.DefaultIfEmpty("NULL AS empty"))} WHERE false)";
        }

        var list = SqlQuote.List(files);
        var hive = (table.PartitionKeys?.Count ?? 0) > 0 ? "true" : "false";
        return parameters.GetValueOrDefault(TableParameters.Classification) switch
        {
            "csv" => $"read_csv({list}, union_by_name = true, hive_partitioning = {hive}, auto_detect = true, delim = {SqlQuote.Literal(parameters.GetValueOrDefault(TableParameters.Delimiter, ","))}, header = {(parameters.ContainsKey(TableParameters.SkipHeaderLineCount) ? "true" : "false")})",
            "json" => $"read_json({list}, union_by_name = true, hive_partitioning = {hive}, format = 'auto')",
            _ => $"read_parquet({list}, union_by_name = true, hive_partitioning = {hive})",
        };
    }

    [GeneratedRegex(@"(?<![\w.'""/$])([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)(?![\w(])")]
    private static partial Regex Reference();
}
