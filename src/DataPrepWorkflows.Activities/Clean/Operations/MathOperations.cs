namespace DataPrepWorkflows.Activities.Clean.Operations;

/// <summary>Math functions: the result goes to a new column; non-numbers are treated as missing.</summary>
internal static class MathOperations
{
    private const string Category = "Math";

    public static IEnumerable<OperationDefinition> All()
    {
        yield return Binary("ADD", "sourceColumn1 + (sourceColumn2 or value2)", (a, b) => $"{a} + {b}");
        yield return Binary("SUBTRACT", "sourceColumn1 − (sourceColumn2 or value2)", (a, b) => $"{a} - {b}");
        yield return Binary("MULTIPLY", "sourceColumn1 × (sourceColumn2 or value2)", (a, b) => $"{a} * {b}");
        yield return Binary("DIVIDE", "sourceColumn1 ÷ (sourceColumn2 or value2); division by zero gives missing", (a, b) => $"{a} / nullif({b}, 0)");
        yield return Binary("MOD", "the remainder of sourceColumn1 ÷ (sourceColumn2 or value2)", (a, b) => $"fmod({a}, nullif({b}, 0))");
        yield return Unary("ABSOLUTE", "the absolute value", x => $"abs({x})");
        yield return Unary("CEILING", "the smallest integer not below the value", x => $"ceil({x})");
        yield return Unary("FLOOR", "the largest integer not above the value", x => $"floor({x})");
        yield return Unary("ROUND", "the nearest integer (halves round up)", x => $"floor({x} + 0.5)");
        yield return Unary("SQUARE_ROOT", "the square root (missing for negatives)", x => $"CASE WHEN {x} >= 0 THEN sqrt({x}) END");
        yield return Unary("EXPONENT", "e raised to the value", x => $"exp({x})");
        yield return Unary("LN", "the natural logarithm (missing for values ≤ 0)", x => $"CASE WHEN {x} > 0 THEN ln({x}) END");
        yield return new("LOG", Category, "Adds targetColumn: the logarithm of sourceColumn (or value) in base base (default 10); missing for values ≤ 0.",
            [P.OptionalSource, P.Value, P.Number("base", "The base.", false, "10"), P.Target])
        {
            ExactlyOneOf = [["sourceColumn", "value"]],
            Compiler = s =>
            {
                var x = Sql.AsDouble(s.SourceOrValue());
                return s.AddAfterSource($"CASE WHEN {x} > 0 THEN ln({x}) / ln({Sql.Num(s.Number("base"))}) END");
            },
        };
        yield return new("POWER", Category, "Adds targetColumn: sourceColumn (or value) raised to exponent.",
            [P.OptionalSource, P.Value, P.Number("exponent", "The power."), P.Target])
        {
            ExactlyOneOf = [["sourceColumn", "value"]],
            Compiler = s => s.AddAfterSource($"power({Sql.AsDouble(s.SourceOrValue())}, {Sql.Num(s.Number("exponent"))})"),
        };
        yield return new("SUM", Category, "Adds targetColumn: the sum of sourceColumns in each row; non-numbers count as 0.",
            [P.Cols("sourceColumns", "JSON list of columns to add up."), P.Target])
        {
            Compiler = s => s.Add(null, (s.Text("targetColumn"), string.Join(" + ", s.List("sourceColumns").Select(c => $"coalesce({Sql.AsDouble(Sql.Id(s.Resolve(c)))}, 0)")))),
        };
    }

    private static OperationDefinition Unary(string name, string what, Func<string, string> compute) =>
        new(name, Category, $"Adds targetColumn: {what} of sourceColumn (or value).", [P.OptionalSource, P.Value, P.Target])
        {
            ExactlyOneOf = [["sourceColumn", "value"]],
            Compiler = s => s.AddAfterSource(compute(Sql.AsDouble(s.SourceOrValue()))),
        };

    private static OperationDefinition Binary(string name, string what, Func<string, string, string> compute) =>
        new(name, Category, $"Adds targetColumn: {what}.",
            [P.Col("sourceColumn1", "The first operand's column.", false), P.Number("value1", "The first operand as a constant.", false),
             P.Col("sourceColumn2", "The second operand's column.", false), P.Number("value2", "The second operand as a constant.", false), P.Target])
        {
            ExactlyOneOf = [["sourceColumn1", "value1"], ["sourceColumn2", "value2"]],
            Compiler = s =>
            {
                var a = Sql.AsDouble(s.SourceOrValue("sourceColumn1", "value1"));
                var b = Sql.AsDouble(s.SourceOrValue("sourceColumn2", "value2"));
                return s.Add(s.Has("sourceColumn1") ? s.Column("sourceColumn1") : null, (s.Text("targetColumn"), compute(a, b)));
            },
        };
}
