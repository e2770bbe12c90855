using System.Globalization;

namespace DataPrepWorkflows.Activities.Split;

/// <summary>
/// The SQL that gives every row its split. Rows (or whole groups) are ordered by an MD5 hash of the seed and the row's
/// content (or the group key), or by time, and the ordered sequence is cut at the cumulative shares — so the shares are
/// exact to a row, stratified splits keep each label's proportion, and the assignment is the same on every machine.
/// </summary>
internal static class SplitAssignment
{
    public const string SplitColumn = "__split";

    public static string Build(string relation, SplitOptions options, (double Train, double Validation) cuts)
    {
        var seed = options.Seed.ToString(CultureInfo.InvariantCulture);
        var position = options switch
        {
            { TimeColumn: { } time } =>
                $"(row_number() OVER (ORDER BY {Q(time)}, md5('{seed}:' || CAST(__row AS VARCHAR))) - 1) / count(*) OVER ()",
            { GroupColumn: { } group } => GroupPosition(relation, group, options.LabelColumn, seed),
            _ => $"(row_number() OVER ({Partition(options.LabelColumn)} ORDER BY md5('{seed}:' || CAST(__row AS VARCHAR))) - 1) / count(*) OVER ({Partition(options.LabelColumn)})",
        };
        var source = options.GroupColumn is { } g && options.TimeColumn is null
            ? $"(SELECT __row.*, __groups.__position FROM {relation} AS __row JOIN ({position}) AS __groups ON __row.{Q(g)} IS NOT DISTINCT FROM __groups.__key)"
            : null;
        var split = $"CASE WHEN __position < {L(cuts.Train)} THEN 'train' WHEN __position < {L(cuts.Validation)} THEN 'validation' ELSE 'test' END";
        return source is not null
            ? $"SELECT * EXCLUDE (__position), {split} AS {SplitColumn} FROM {source}"
            : $"SELECT * EXCLUDE (__position), {split} AS {SplitColumn} FROM (SELECT __row.*, {position} AS __position FROM {relation} AS __row)";
    }

    /// <summary>Groups ordered by hash (within their most common label when stratified), cut by cumulative row count.</summary>
    private static string GroupPosition(string relation, string group, string? label, string seed)
    {
        var stratum = label is null ? "" : $", mode({Q(label)}) AS __stratum";
        var partition = label is null ? "" : "PARTITION BY __stratum";
        return $"""
            SELECT __key, (sum(__n) OVER ({partition} ORDER BY __hash, CAST(__key AS VARCHAR) ROWS UNBOUNDED PRECEDING) - __n) / sum(__n) OVER ({partition}) AS __position
            FROM (SELECT {Q(group)} AS __key, count(*) AS __n, md5('{seed}:' || coalesce(CAST({Q(group)} AS VARCHAR), '')) AS __hash{stratum}
                  FROM {relation} GROUP BY {Q(group)})
            """;
    }

    private static string Partition(string? label) => label is null ? "" : $"PARTITION BY {Q(label)}";

    public static string Q(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string L(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
