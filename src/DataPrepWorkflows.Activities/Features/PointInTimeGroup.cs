using System.Globalization;
using System.Text;

namespace DataPrepWorkflows.Activities.Features;

/// <summary>
/// The SQL that finds, for each base row of <c>ts_base</c> (columns <c>__ts_row</c>, <c>__ts_time</c>), the offline
/// record of one feature group to join: the newest at or before the row's time after de-duplication per (identifier,
/// event time) by the greatest <c>api_invocation_time</c> then <c>write_time</c>, with every record at or before the
/// identifier's latest delete dropped. Both ways of computing it write a table of (<c>__ts_row</c>, <c>__ts_rec</c>),
/// <c>__ts_rec</c> being a struct of the group's features <c>f0</c>, <c>f1</c>, … (every feature but the identifier).
/// </summary>
internal sealed class PointInTimeGroup
{
    private readonly FeatureGroupDefinition _definition;
    private readonly string _folder;
    private readonly DateTimeOffset? _asOf;

    public PointInTimeGroup(int index, FeatureGroupDefinition definition, string folder, DateTimeOffset? asOf)
    {
        Index = index.ToString(CultureInfo.InvariantCulture);
        _definition = definition;
        _folder = folder;
        _asOf = asOf;
        Features = definition.FeatureDefinitions.Where(f => f.FeatureName != definition.RecordIdentifierFeatureName).Select(f => f.FeatureName).ToArray();
    }

    /// <summary>The group's position in the request, as text for table names.</summary>
    public string Index { get; }

    /// <summary>The features carried in <c>__ts_rec</c>, in field order.</summary>
    public IReadOnlyList<string> Features { get; }

    /// <summary>The table of the one-pass join: every base row with a record of its identifier, its pick and whether it needs the exact path.</summary>
    public string FastTable => "ts_fast" + Index;

    /// <summary>The table of the exact path's picks.</summary>
    public string ExactTable => "ts_exact" + Index;

    /// <summary>The base's identifier column as VARCHAR, for base row alias <paramref name="alias"/>.</summary>
    public string BaseIdentifier(string alias) => $"CAST({alias}.{FeatureSql.Identifier(_definition.RecordIdentifierFeatureName)} AS VARCHAR)";

    /// <summary>The largest number of base rows sharing one identifier: the one-pass join's work is at most that many times the history.</summary>
    public string MaxBaseRowsPerIdentifierQuery() =>
        $"SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM ts_base b WHERE {BaseIdentifier("b")} IS NOT NULL GROUP BY {BaseIdentifier("b")})";

    /// <summary>
    /// The one-pass join: the history streams through a hash join on the identifier with the base rows, and one
    /// aggregate per base row keeps the record with the greatest (event time, api_invocation_time, write_time) among
    /// those at or before the row's time — the de-duplication winner at the newest event time, which is what the exact
    /// path picks when the identifier has no delete. <c>__ts_special</c> marks the rows whose identifier has a delete
    /// (or a record without <c>is_deleted</c>): those are recomputed by <see cref="ExactSql"/>.
    /// </summary>
    public string FastSql()
    {
        // NULL sorts below every value in the window's ORDER BY … DESC; a struct compares NULL fields as greatest, hence the flags.
        const string Key = "struct_pack(e := h.__ts_event, a0 := h.api_invocation_time IS NOT NULL, a := coalesce(h.api_invocation_time, TIMESTAMP '1970-01-01'), "
            + "w0 := h.write_time IS NOT NULL, w := coalesce(h.write_time, TIMESTAMP '1970-01-01'))";
        return $"""
            CREATE OR REPLACE TEMP TABLE {FastTable} AS
            SELECT b.__ts_row, bool_or(h.is_deleted IS NOT FALSE) AS __ts_special,
                arg_max({Record("h")}, {Key}) FILTER (WHERE h.__ts_event <= b.__ts_time) AS __ts_rec
            FROM ts_base b JOIN ({History()}) h ON {BaseIdentifier("b")} = h.__ts_id
            GROUP BY b.__ts_row
            """;
    }

    /// <summary>
    /// The exact path: de-duplication window over the history, deletes, then an ASOF join. With
    /// <paramref name="onlySpecial"/> it covers only the base rows <see cref="FastSql"/> marked and their identifiers' history.
    /// </summary>
    public string ExactSql(bool onlySpecial)
    {
        var rows = onlySpecial ? $" WHERE b.__ts_row IN (SELECT __ts_row FROM {FastTable} WHERE __ts_special)" : "";
        var ids = onlySpecial ? " WHERE h.__ts_id IN (SELECT __ts_id FROM base)" : "";
        return $"""
            CREATE OR REPLACE TEMP TABLE {ExactTable} AS
            WITH base AS (SELECT b.__ts_row, b.__ts_time, {BaseIdentifier("b")} AS __ts_id FROM ts_base b{rows}),
            raw AS (SELECT * FROM ({History()}) h{ids}),
            dedup AS (
                SELECT * FROM raw
                QUALIFY row_number() OVER (PARTITION BY __ts_id, __ts_event ORDER BY api_invocation_time DESC, write_time DESC) = 1),
            deletes AS (SELECT __ts_id, max(__ts_event) AS __ts_deleted FROM dedup WHERE is_deleted GROUP BY __ts_id),
            kept AS (
                SELECT d.* FROM dedup d LEFT JOIN deletes x ON d.__ts_id = x.__ts_id
                WHERE NOT d.is_deleted AND (x.__ts_deleted IS NULL OR d.__ts_event > x.__ts_deleted))
            SELECT b.__ts_row, {Record("g")} AS __ts_rec
            FROM base b ASOF JOIN kept g ON b.__ts_id = g.__ts_id AND b.__ts_time >= g.__ts_event
            """;
    }

    /// <summary>
    /// The picks to join to the base rows: from the fast table (its unmarked rows) when <paramref name="fast"/>, and from
    /// the exact table when <paramref name="exact"/> (the marked rows, or every row when the fast table was not built).
    /// </summary>
    public string Picks(bool fast, bool exact)
    {
        var fastPicks = $"SELECT __ts_row, __ts_rec FROM {FastTable} WHERE NOT __ts_special";
        var exactPicks = $"SELECT __ts_row, __ts_rec FROM {ExactTable}";
        return fast && exact ? fastPicks + " UNION ALL " + exactPicks : fast ? fastPicks : exactPicks;
    }

    private string History()
    {
        var eventTime = FeatureSql.EventTimestampFast($"CAST({FeatureSql.Identifier(_definition.EventTimeFeatureName)} AS VARCHAR)", _definition.EventTime.FeatureType);
        var known = _asOf is { } t ? " WHERE write_time <= " + FeatureSql.Timestamp(t) : "";
        return $"SELECT *, CAST({FeatureSql.Identifier(_definition.RecordIdentifierFeatureName)} AS VARCHAR) AS __ts_id, {eventTime} AS __ts_event "
            + $"FROM read_parquet({FeatureSql.Literal(Path.Combine(_folder, "**", "*.parquet"))}, hive_partitioning = false, union_by_name = true){known}";
    }

    private string Record(string alias)
    {
        var record = new StringBuilder("struct_pack(");
        for (var i = 0; i < Features.Count; i++)
        {
            record.Append(i == 0 ? "" : ", ").Append('f').Append(i).Append(" := ").Append(alias).Append('.').Append(FeatureSql.Identifier(Features[i]));
        }

        return record.Append(')').ToString();
    }
}
