namespace DataPrepWorkflows.Activities.Clean.Operations;

/// <summary>Text cleaning applied to a column in place, and pattern extraction.</summary>
internal static class TextOperations
{
    private const string Category = "Text";

    public static IEnumerable<OperationDefinition> All()
    {
        yield return InPlace("UPPER_CASE", "Changes sourceColumn to upper case.", x => $"upper({x})");
        yield return InPlace("LOWER_CASE", "Changes sourceColumn to lower case.", x => $"lower({x})");
        yield return InPlace("CAPITAL_CASE", "Capitalises the first letter of each word (words split by spaces) and lower-cases the rest.", Capital);
        yield return InPlace("SENTENCE_CASE", "Upper-cases the first letter and lower-cases the rest.", x => $"upper(left({x}, 1)) || lower(substr({x}, 2))");
        yield return new("ADD_PREFIX", Category, "Puts pattern in front of every value of sourceColumn.", [P.Source, P.Text("pattern", "The prefix.")])
        {
            Compiler = s => Apply(s, x => $"{Sql.Str(s.Text("pattern"))} || {x}"),
        };
        yield return new("ADD_SUFFIX", Category, "Appends pattern to every value of sourceColumn.", [P.Source, P.Text("pattern", "The suffix.")])
        {
            Compiler = s => Apply(s, x => $"{x} || {Sql.Str(s.Text("pattern"))}"),
        };
        yield return new("REPLACE_TEXT", Category, "Replaces every occurrence of the text pattern in sourceColumn with value.",
            [P.Source, P.Text("pattern", "The text to find."), P.Text("value", "The replacement (empty removes the text).", false, "")])
        {
            Compiler = s => Apply(s, x => $"replace({x}, {Sql.Str(s.Text("pattern"))}, {Sql.Str(s.Text("value"))})"),
        };
        yield return new("REPLACE_PATTERN", Category, "Replaces every match of the regular expression pattern in sourceColumn with value.",
            [P.Source, P.Text("pattern", "A regular expression."), P.Text("value", "The replacement (empty removes the match).", false, "")])
        {
            Compiler = s => Apply(s, x => $"regexp_replace({x}, {Sql.Str(s.Text("pattern"))}, {Sql.Str(s.Text("value"))}, 'g')"),
        };
        yield return new("EXTRACT_PATTERN", Category, "Adds targetColumn holding the first match of the regular expression pattern in sourceColumn (missing when none).",
            [P.Source, P.Text("pattern", "A regular expression."), P.Target])
        {
            Compiler = s => s.AddAfterSource($"nullif(regexp_extract({Sql.AsText(s.Col("sourceColumn"))}, {Sql.Str(s.Text("pattern"))}), '')"),
        };
        yield return RemoveCombined.Definition(Category);
    }

    public static string Capital(string x) =>
        $"array_to_string(list_transform(string_split(lower({x}), ' '), w -> upper(left(w, 1)) || substr(w, 2)), ' ')";

    public static StepPlan Apply(StepContext s, Func<string, string> transform) =>
        s.Replace(s.Column("sourceColumn"), transform(Sql.AsText(s.Col("sourceColumn"))));

    private static OperationDefinition InPlace(string name, string description, Func<string, string> transform) =>
        new(name, Category, description, [P.Source]) { Compiler = s => Apply(s, transform) };
}
