using DataPrepWorkflows.Catalog;

namespace DataPrepWorkflows.Activities.Crawl;

/// <summary>Says what differs between a table in the catalog and what the crawl found, or nothing when they agree.</summary>
internal static class TableChange
{
    public static string? Describe(Table current, TableInput found)
    {
        var changes = new List<string>();
        var sd = current.StorageDescriptor;
        var next = found.StorageDescriptor!;
        var added = Names(next.Columns).Except(Names(sd?.Columns)).ToList();
        var removed = Names(sd?.Columns).Except(Names(next.Columns)).ToList();
        if (added.Count > 0)
        {
            changes.Add("columns added: " + string.Join(", ", added));
        }

        if (removed.Count > 0)
        {
            changes.Add("columns no longer found: " + string.Join(", ", removed));
        }

        if (added.Count == 0 && removed.Count == 0 && !Same(sd?.Columns, next.Columns))
        {
            changes.Add("column types or order changed");
        }

        if (!Same(current.PartitionKeys, found.PartitionKeys))
        {
            changes.Add("partition keys changed");
        }

        if (sd?.Location != next.Location || sd?.InputFormat != next.InputFormat || sd?.SerdeInfo?.SerializationLibrary != next.SerdeInfo?.SerializationLibrary
            || !Same(sd?.SerdeInfo?.Parameters, next.SerdeInfo?.Parameters))
        {
            changes.Add("location or format changed");
        }

        if (changes.Count == 0 && !Same(current.Parameters, found.Parameters))
        {
            changes.Add("statistics changed");
        }

        return changes.Count == 0 ? null : string.Join("; ", changes);
    }

    /// <summary>Whether the change concerns the schema (columns, keys, format) rather than only statistics.</summary>
    public static bool IsSchemaChange(string change) => change != "statistics changed";

    private static IEnumerable<string> Names(IReadOnlyList<Column>? columns) => columns?.Select(c => c.Name) ?? [];

    private static bool Same(IReadOnlyList<Column>? a, IReadOnlyList<Column>? b) =>
        (a ?? []).Select(c => (c.Name, c.Type)).SequenceEqual((b ?? []).Select(c => (c.Name, c.Type)));

    private static bool Same(IReadOnlyDictionary<string, string>? a, IReadOnlyDictionary<string, string>? b) =>
        (a?.Count ?? 0) == (b?.Count ?? 0) && (a ?? new Dictionary<string, string>()).All(p => b!.TryGetValue(p.Key, out var v) && v == p.Value);
}
