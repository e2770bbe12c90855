using System.Text.Json;

namespace DataPrepWorkflows.Activities.Clean.Operations;

/// <summary>DataBrew's SORT: keys with direction, where nulls go, and optional custom value orders.</summary>
internal static class SortOperation
{
    public static StepPlan Compile(StepContext s)
    {
        var keys = new List<string>();
        using var document = JsonDocument.Parse(s.Text("expressions"));
        foreach (var key in document.RootElement.EnumerateArray())
        {
            var column = Sql.Id(s.Resolve(Get(key, "sourceColumn") ?? throw new FormatException("each sort expression needs a sourceColumn")));
            var descending = string.Equals(Get(key, "ordering"), "DESCENDING", StringComparison.OrdinalIgnoreCase);
            var nulls = string.Equals(Get(key, "nullsOrdering"), "NULLS_TOP", StringComparison.OrdinalIgnoreCase) ? "NULLS FIRST" : "NULLS LAST";
            if (key.TryGetProperty("customOrder", out var custom) && custom.ValueKind == JsonValueKind.Array && custom.GetArrayLength() > 0)
            {
                var sensitive = !key.TryGetProperty("isCustomOrderCaseSensitive", out var cs) || cs.ValueKind != JsonValueKind.False && !(cs.ValueKind == JsonValueKind.String && cs.GetString() == "false");
                var value = sensitive ? Sql.AsText(column) : $"lower({Sql.AsText(column)})";
                var items = custom.EnumerateArray().Select(e => e.ToString()).Select(v => Sql.Str(sensitive ? v : v.ToLowerInvariant()));
                keys.Add($"coalesce(list_position([{string.Join(", ", items)}], {value}), 2147483647) {(descending ? "DESC" : "ASC")}");
            }

            keys.Add($"{column} {(descending ? "DESC" : "ASC")} {nulls}");
        }

        keys.Add(Sql.Id(Sql.RowColumn));
        // Renumbering the row position makes the sort the order later steps and the output keep.
        var select = string.Join(", ", s.Columns.Select(Sql.Id));
        return new StepPlan($"SELECT {select}, row_number() OVER (ORDER BY {string.Join(", ", keys)}) AS {Sql.Id(Sql.RowColumn)} FROM {s.Source}", s.Columns)
        {
            Reorders = true,
        };
    }

    private static string? Get(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText() : null;
}
