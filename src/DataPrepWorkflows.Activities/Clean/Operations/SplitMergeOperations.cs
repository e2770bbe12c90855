using System.Text;
using System.Text.Json;

namespace DataPrepWorkflows.Activities.Clean.Operations;

/// <summary>Splitting a column on delimiters into <c>&lt;column&gt;_1 … _n</c>, and merging columns.</summary>
internal static class SplitMergeOperations
{
    private const string Category = "Column structure";

    public static IEnumerable<OperationDefinition> All()
    {
        yield return new("SPLIT_COLUMN_SINGLE_DELIMITER", Category,
            "Replaces sourceColumn by limit + 1 columns <sourceColumn>_1 … : the text between the first limit occurrences of pattern, then the rest.",
            [P.Source, P.Text("pattern", "The delimiter (literal text)."), P.Integer("limit", "How many splits (1-20).", false, "1"), P.Bool("includeInSplit", "Accepted for compatibility; the delimiter is not kept in the parts.", "true")])
        {
            Compiler = s => Split(s, [s.Text("pattern")]),
        };
        yield return new("SPLIT_COLUMN_MULTIPLE_DELIMITER", Category,
            "Like SPLIT_COLUMN_SINGLE_DELIMITER, splitting on any of the delimiters in patternOptions ([{\"pattern\":\",\",\"includeInSplit\":true}, …]).",
            [P.Source, P.List("patternOptions", "JSON list of {pattern, includeInSplit}."), P.Integer("limit", "How many splits (1-20).", false, "1")])
        {
            Compiler = s =>
            {
                using var options = JsonDocument.Parse(s.Text("patternOptions"));
                var patterns = options.RootElement.EnumerateArray()
                    .Select(o => o.ValueKind == JsonValueKind.Object && o.TryGetProperty("pattern", out var p) ? p.GetString() : o.GetString())
                    .Where(p => !string.IsNullOrEmpty(p)).Select(p => p!).ToList();
                return Split(s, patterns);
            },
        };
        yield return new("MERGE", Category, "Replaces sourceColumns by targetColumn: their values joined with delimiter (missing values skipped).",
            [P.Cols("sourceColumns", "JSON list of the columns to merge, in order."), P.Text("delimiter", "Put between values.", false, ""), P.Target])
        {
            Compiler = s => Merge(s, keepSources: false),
        };
        yield return new("MERGE_COLUMNS_AND_VALUES", Category, "Adds targetColumn: the values of sourceColumns joined with delimiter; the source columns stay.",
            [P.Cols("sourceColumns", "JSON list of the columns to merge, in order."), P.Text("delimiter", "Put between values.", false, ""), P.Target])
        {
            Compiler = s => Merge(s, keepSources: true),
        };
    }

    /// <summary>RE2 syntax matching the text literally.</summary>
    public static string Literal(string text)
    {
        var pattern = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            pattern.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\x{{{rune.Value:X}}}");
        }

        return pattern.ToString();
    }

    private static StepPlan Split(StepContext s, IReadOnlyList<string> delimiters)
    {
        var source = s.Column("sourceColumn");
        var x = Sql.AsText(s.Col("sourceColumn"));
        var delimiter = "(?:" + string.Join("|", delimiters.Select(Literal)) + ")";
        var limit = Math.Clamp(s.Integer("limit"), 1, 20);
        var parts = $"regexp_split_to_array({x}, {Sql.Str(delimiter)})";
        var rest = $"regexp_extract({x}, {Sql.Str($"^(?s:(?:.*?{delimiter}){{{limit}}})(.*)$")}, 1)";
        var added = new List<(string, string)>();
        for (var i = 1; i <= limit; i++)
        {
            added.Add(($"{source}_{i}", $"{parts}[{i}]"));
        }

        added.Add(($"{source}_{limit + 1}", $"CASE WHEN len({parts}) > {limit} THEN {rest} END"));
        var list = new List<(string, string)>();
        foreach (var c in s.Columns)
        {
            if (c == source)
            {
                list.AddRange(s.Condition is null ? added : added.Select(a => (a.Item1, $"CASE WHEN {s.Condition} THEN {a.Item2} END")));
            }
            else
            {
                list.Add((c, Sql.Id(c)));
            }
        }

        return s.Project(list);
    }

    private static StepPlan Merge(StepContext s, bool keepSources)
    {
        var sources = s.List("sourceColumns").Select(s.Resolve).ToList();
        var expression = $"concat_ws({Sql.Str(s.Text("delimiter"))}, {string.Join(", ", sources.Select(c => Sql.AsText(Sql.Id(c))))})";
        if (keepSources)
        {
            return s.Add(sources[^1], (s.Text("targetColumn"), expression));
        }

        var guarded = s.Condition is null ? expression : $"CASE WHEN {s.Condition} THEN {expression} END";
        var list = new List<(string, string)>();
        foreach (var c in s.Columns)
        {
            if (c == sources[0])
            {
                list.Add((s.Text("targetColumn"), guarded));
            }
            else if (!sources.Contains(c))
            {
                list.Add((c, Sql.Id(c)));
            }
        }

        return s.Project(list);
    }
}
