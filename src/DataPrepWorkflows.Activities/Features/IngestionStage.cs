using System.Text;

namespace DataPrepWorkflows.Activities.Features;

/// <summary>
/// The SQL that turns a dataset into the staged records of one ingestion: every feature as text under a positional
/// alias (<c>f0</c>, <c>f1</c>, …), the parsed event time, the input order, and the first reason to refuse the record.
/// </summary>
internal sealed class IngestionStage
{
    public const string Table = "fs_stage";
    public const string Row = "__fs_row";
    public const string Event = "__fs_event";
    public const string Reason = "__fs_reason";

    public IngestionStage(FeatureGroupDefinition group, IReadOnlyList<string> datasetColumns)
    {
        Group = group;
        Sources = group.FeatureDefinitions
            .Select(f => datasetColumns.FirstOrDefault(c => string.Equals(c, f.FeatureName, StringComparison.Ordinal))
                ?? datasetColumns.FirstOrDefault(c => string.Equals(c, f.FeatureName, StringComparison.OrdinalIgnoreCase)))
            .ToArray();
        IgnoredColumns = datasetColumns.Where(c => !Sources.Contains(c, StringComparer.Ordinal)).ToArray();
        IdIndex = group.IndexOf(group.RecordIdentifierFeatureName);
        EventIndex = group.IndexOf(group.EventTimeFeatureName);
    }

    public FeatureGroupDefinition Group { get; }

    /// <summary>The dataset column feeding each feature, or <see langword="null"/> when the dataset lacks it.</summary>
    public IReadOnlyList<string?> Sources { get; }

    public IReadOnlyList<string> IgnoredColumns { get; }

    public int IdIndex { get; }

    public int EventIndex { get; }

    public static string Alias(int index) => "f" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The statement creating the stage table from <paramref name="relation"/>.</summary>
    public string CreateSql(string relation)
    {
        var features = Group.FeatureDefinitions;
        var sql = new StringBuilder();
        sql.Append("CREATE OR REPLACE TEMP TABLE ").Append(Table).Append(" AS WITH src AS (SELECT row_number() OVER () AS ").Append(Row);
        for (var i = 0; i < features.Count; i++)
        {
            sql.Append(", ").Append(Sources[i] is { } column ? $"CAST({FeatureSql.Identifier(column)} AS VARCHAR)" : "CAST(NULL AS VARCHAR)").Append(" AS ").Append(Alias(i));
        }

        sql.Append(" FROM ").Append(relation).Append("), typed AS (SELECT *, ")
            .Append(FeatureSql.EventTimestamp(Alias(EventIndex), Group.EventTime.FeatureType)).Append(" AS ").Append(Event)
            .Append(" FROM src) SELECT *, CASE");
        var id = Alias(IdIndex);
        sql.Append(" WHEN ").Append(id).Append(" IS NULL OR trim(").Append(id).Append(") = '' THEN ")
            .Append(FeatureSql.Literal($"missing record identifier '{Group.RecordIdentifierFeatureName}'"));
        sql.Append(" WHEN ").Append(Event).Append(" IS NULL THEN ")
            .Append(FeatureSql.Literal($"invalid event time '{Group.EventTimeFeatureName}': expected {EventTime.Expected(Group.EventTime.FeatureType)}"));
        for (var i = 0; i < features.Count; i++)
        {
            if (features[i].FeatureType != FeatureType.String)
            {
                sql.Append(" WHEN ").Append(Alias(i)).Append(" IS NOT NULL AND ").Append(Typed(i)).Append(" IS NULL THEN ")
                    .Append(FeatureSql.Literal($"type mismatch: '{features[i].FeatureName}' is not {features[i].FeatureType}"));
            }
        }

        sql.Append(" END AS ").Append(Reason).Append(" FROM typed");
        return sql.ToString();
    }

    /// <summary>Feature <paramref name="index"/> in its Feature Store type (NULL when the text does not convert).</summary>
    public string Typed(int index) => Group.FeatureDefinitions[index].FeatureType switch
    {
        FeatureType.Integral => $"try_cast(trim({Alias(index)}) AS BIGINT)",
        FeatureType.Fractional => $"try_cast(trim({Alias(index)}) AS DOUBLE)",
        _ => Alias(index),
    };
}
