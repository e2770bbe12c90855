namespace DataPrepWorkflows.Activities.Clean.Operations;

/// <summary>Text functions: the result goes to a new column; the input is sourceColumn or a constant value.</summary>
internal static class TextFunctionOperations
{
    private const string Category = "Text functions";

    public static IEnumerable<OperationDefinition> All()
    {
        yield return Function("UPPER", "upper case", x => $"upper({x})");
        yield return Function("LOWER", "lower case", x => $"lower({x})");
        yield return Function("PROPER", "each word capitalised", TextOperations.Capital);
        yield return Function("TRIM", "leading and trailing whitespace removed", Trim);
        yield return Function("REMOVE_WHITESPACE", "all whitespace removed", x => $"regexp_replace({x}, '[[:space:]]', '', 'g')");
    }

    public static string Trim(string x) => $"regexp_replace({x}, '^[[:space:]]+|[[:space:]]+$', '', 'g')";

    private static OperationDefinition Function(string name, string what, Func<string, string> transform) =>
        new(name, Category, $"Adds targetColumn: sourceColumn (or value) with {what}.", [P.OptionalSource, P.Value, P.Target])
        {
            ExactlyOneOf = [["sourceColumn", "value"]],
            Compiler = s => s.AddAfterSource(transform(Sql.AsText(s.SourceOrValue()))),
        };
}
