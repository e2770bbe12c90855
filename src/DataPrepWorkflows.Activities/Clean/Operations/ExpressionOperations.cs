using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using DataPrepWorkflows.Activities.Clean.Operations.Expressions;

namespace DataPrepWorkflows.Activities.Clean.Operations;

/// <summary>Operations that take DataBrew's value-expression language: <c>BOOLEAN_OPERATION</c> (an IF/ELSE column).</summary>
internal static partial class ExpressionOperations
{
    private const string Category = "Functions";

    public static IEnumerable<OperationDefinition> All()
    {
        yield return new("BOOLEAN_OPERATION", Category,
            "Adds targetColumn: trueValueExpression where valueExpression holds, else falseValueExpression. Values are constants, `column` or `:aggregate` (declared in withExpressions).",
            [
                P.Text("trueValueExpression", "The value where the condition holds: a constant, `column` or `:aggregate`."),
                P.Text("falseValueExpression", "The value where it does not: a constant, `column` or `:aggregate`."),
                P.Text("valueExpression", "The condition, e.g. `age` >= 18 AND `country` = 'FR'."),
                P.List("withExpressions", "JSON list of {\"name\", \"value\": \"avg(`column`)\", \"type\": \"aggregate\"} read as `:name`.", required: false),
                P.Target,
            ])
        {
            Compiler = Compile,
        };
    }

    private static StepPlan Compile(StepContext step)
    {
        var aggregates = Aggregates(step);
        string? Column(string name) => step.Find(name) is { } found ? Sql.Id(found) : null;
        var condition = ValueExpressionCompiler.CompilePredicate(step.Text("valueExpression"), "valueExpression", Column, aggregates);
        var whenTrue = ValueExpressionCompiler.CompileValue(step.Text("trueValueExpression"), "trueValueExpression", Column, aggregates);
        var whenFalse = ValueExpressionCompiler.CompileValue(step.Text("falseValueExpression"), "falseValueExpression", Column, aggregates);
        var (a, b) = Unify(step, whenTrue, whenFalse);
        return step.Add(null, (step.Text("targetColumn"), $"CASE WHEN coalesce({condition}, false) THEN {a} ELSE {b} END"));
    }

    // Two constants keep a number type when both are numbers; a constant beside a reference follows the constant
    // (numbers compare as numbers, text as text); two references are left to DuckDB's common type.
    private static (string True, string False) Unify(StepContext step, (string Sql, bool IsConstant) whenTrue, (string Sql, bool IsConstant) whenFalse)
    {
        var t = step.Text("trueValueExpression");
        var f = step.Text("falseValueExpression");
        if (whenTrue.IsConstant && whenFalse.IsConstant)
        {
            return IsInteger(t) && IsInteger(f) ? ($"CAST({whenTrue.Sql} AS BIGINT)", $"CAST({whenFalse.Sql} AS BIGINT)")
                : IsNumber(t) && IsNumber(f) ? ($"CAST({whenTrue.Sql} AS DOUBLE)", $"CAST({whenFalse.Sql} AS DOUBLE)")
                : (whenTrue.Sql, whenFalse.Sql);
        }

        if (whenTrue.IsConstant || whenFalse.IsConstant)
        {
            var constant = whenTrue.IsConstant ? t : f;
            return IsNumber(constant)
                ? (Sql.AsDouble(whenTrue.Sql), Sql.AsDouble(whenFalse.Sql))
                : (Sql.AsText(whenTrue.Sql), Sql.AsText(whenFalse.Sql));
        }

        return (whenTrue.Sql, whenFalse.Sql);
    }

    private static Dictionary<string, string> Aggregates(StepContext step)
    {
        var aggregates = new Dictionary<string, string>(StringComparer.Ordinal);
        if (step.Value("withExpressions") is not { } json)
        {
            return aggregates;
        }

        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new RecipeExpressionException("withExpressions", "must be a JSON list of {\"name\", \"value\", \"type\": \"aggregate\"}");
        }

        foreach (var item in document.RootElement.EnumerateArray())
        {
            string? Field(string name) => item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var name = Field("name");
            var value = Field("value");
            if (string.IsNullOrWhiteSpace(name) || value is null)
            {
                throw new RecipeExpressionException("withExpressions", "each entry needs a \"name\" and a \"value\" such as \"avg(`price`)\"");
            }

            if (Field("type") is { } type && !string.Equals(type, "aggregate", StringComparison.OrdinalIgnoreCase))
            {
                throw new RecipeExpressionException("withExpressions", $"'{name}' has type '{type}'; the only type is \"aggregate\"");
            }

            var match = AggregateCall().Match(value);
            if (!match.Success)
            {
                throw new RecipeExpressionException("withExpressions", $"'{name}': '{value}' is not an aggregate of one column such as \"avg(`price`)\"");
            }

            var column = match.Groups["column"].Value;
            var x = step.Find(column) is { } found
                ? Sql.Id(found)
                : throw new RecipeExpressionException("withExpressions", $"'{name}': column '{column}' does not exist at this step", unknownColumn: true);
            var sql = match.Groups["function"].Value.ToLowerInvariant() switch
            {
                "min" => $"min({x})",
                "max" => $"max({x})",
                "avg" or "mean" or "average" => $"avg({Sql.AsDouble(x)})",
                "sum" => $"sum({Sql.AsDouble(x)})",
                "median" => $"median({Sql.AsDouble(x)})",
                "count" => $"count({x})",
                "stddev" or "std" or "stdev" => $"stddev_samp({Sql.AsDouble(x)})",
                "variance" or "var" => $"var_samp({Sql.AsDouble(x)})",
                "mode" => $"mode({x})",
                var other => throw new RecipeExpressionException("withExpressions",
                    $"'{name}': '{other}' is not an aggregate; use min, max, avg, sum, median, count, stddev, variance or mode"),
            };
            aggregates[name] = step.Stat(sql);
        }

        return aggregates;
    }

    private static bool IsNumber(string text) => double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static bool IsInteger(string text) => long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out _);

    [GeneratedRegex(@"^\s*(?<function>[A-Za-z_]+)\s*\(\s*`(?<column>[^`]+)`\s*\)\s*$")]
    private static partial Regex AggregateCall();
}
