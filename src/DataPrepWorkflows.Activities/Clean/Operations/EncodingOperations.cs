using System.Globalization;
using System.Text.Json;

namespace DataPrepWorkflows.Activities.Clean.Operations;

/// <summary>Encoding categories and numbers for machine learning.</summary>
internal static class EncodingOperations
{
    private const string Category = "Encoding";

    /// <summary>DataBrew encodes at most this many distinct values one-hot.</summary>
    public const int MaxOneHotValues = 10;

    public static IEnumerable<OperationDefinition> All()
    {
        yield return new("ONE_HOT_ENCODING", Category,
            $"Adds one column <sourceColumn>_<value> per distinct value (at most {MaxOneHotValues}), 1 where the row has that value and 0 elsewhere; missing values give 0 everywhere.",
            [P.Source])
        {
            NeedsDistinctValuesOf = "sourceColumn",
            Compiler = OneHot,
        };
        yield return new("CATEGORICAL_MAPPING", Category,
            "Maps the values of sourceColumn through categoryMap into targetColumn (or in place); unmapped values keep their value (keepOthers), take other, or their rows are deleted (deleteOtherRows).",
            [P.Source, P.Map("categoryMap", "JSON map from value to category, e.g. {\"Canada\":\"2\"}."), P.Bool("deleteOtherRows", "Delete rows whose value is not in the map."),
             P.Text("other", "The category for values not in the map.", false), P.Bool("keepOthers", "Values not in the map keep their own value."),
             P.Choice("mapType", "NUMERIC makes the mapped column numeric.", ["NUMERIC", "CATEGORICAL", "STRING"], false, "CATEGORICAL"),
             P.New("targetColumn", "The new column; the source column is rewritten when absent.", false)])
        {
            RemovesRows = true,
            Compiler = Categorical,
        };
        yield return new("BINARIZATION", Category, "Adds targetColumn: 1 where sourceColumn > threshold, else 0 (reversed with flip); missing stays missing.",
            [P.Source, P.Target, P.Number("threshold", "The dividing value."), P.Bool("flip", "1 where the value is at or below the threshold.")])
        {
            Compiler = s =>
            {
                var x = Sql.AsDouble(s.Col("sourceColumn"));
                var above = $"{x} > {Sql.Num(s.Number("threshold"))}";
                return s.AddAfterSource(s.Bool("flip") ? $"CASE WHEN {above} THEN 0 WHEN {x} IS NOT NULL THEN 1 END" : $"CASE WHEN {above} THEN 1 WHEN {x} IS NOT NULL THEN 0 END");
            },
        };
        yield return new("BUCKETIZATION", Category,
            "Adds targetColumn: the name of the bucket sourceColumn falls in; splits [s0, s1, …, sn] make buckets [s0, s1), …, [sn-1, sn], named by bucketNames.",
            [P.Source, P.Target, P.List("splits", "JSON list of boundaries, e.g. [\"-Infinity\",\"2\",\"20\",\"Infinity\"]."), P.List("bucketNames", "JSON list of bucket names, one fewer than splits.")])
        {
            Compiler = Buckets,
        };
    }

    private static StepPlan OneHot(StepContext s)
    {
        var column = s.Column("sourceColumn");
        var values = s.DistinctValues;
        if (values is null)
        {
            // Without data the new columns are not known; later steps may use any <column>_… name.
            return s.Add(column, (column + "_*", "NULL"));
        }

        var col = s.Col("sourceColumn");
        return s.Add(column, values.Where(v => v is not null).Select(v => (column + "_" + v, $"CASE WHEN {Sql.AsText(col)} = {Sql.Str(v)} THEN 1 ELSE 0 END")).ToArray());
    }

    private static StepPlan Categorical(StepContext s)
    {
        var col = s.Col("sourceColumn");
        var text = Sql.AsText(col);
        var map = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(s.Text("categoryMap"))!;
        var numeric = s.Choice("mapType") == "NUMERIC";
        string Out(string v) => numeric ? $"TRY_CAST({Sql.Str(v)} AS DOUBLE)" : Sql.Str(v);
        var cases = string.Join(" ", map.Select(p => $"WHEN {text} = {Sql.Str(p.Key)} THEN {Out(p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText())}"));
        var otherwise = s.Bool("keepOthers") ? (numeric ? Sql.AsDouble(col) : text) : s.Value("other") is { } other ? Out(other) : "NULL";
        var expression = map.Count == 0 ? otherwise : $"CASE {cases} ELSE {otherwise} END";
        var mapped = s.Has("targetColumn") ? s.AddAfterSource(expression) : s.Replace(s.Column("sourceColumn"), expression);
        if (!s.Bool("deleteOtherRows"))
        {
            return mapped;
        }

        var known = map.Count == 0 ? "false" : $"{text} IN ({string.Join(", ", map.Keys.Select(Sql.Str))})";
        var remove = s.Condition is null ? $"NOT coalesce({known}, false)" : $"NOT coalesce({known}, false) AND coalesce({s.Condition}, false)";
        return mapped with { Select = mapped.Select + $" WHERE NOT ({remove})", RemovesRows = true };
    }

    private static StepPlan Buckets(StepContext s)
    {
        var x = Sql.AsDouble(s.Col("sourceColumn"));
        var splits = s.List("splits").Select(v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)).ToList();
        var names = s.List("bucketNames");
        var cases = new List<string>();
        for (var i = 0; i + 1 < splits.Count && i < names.Count; i++)
        {
            var upper = i + 2 == splits.Count ? "<=" : "<";
            cases.Add($"WHEN {x} >= {Sql.Num(splits[i])} AND {x} {upper} {Sql.Num(splits[i + 1])} THEN {Sql.Str(names[i])}");
        }

        return s.AddAfterSource(cases.Count == 0 ? "NULL" : $"CASE {string.Join(" ", cases)} END");
    }
}
