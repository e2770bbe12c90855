using System.Globalization;
using System.Text.Json;
using DataPrepWorkflows.Activities.Clean.Operations;
using DataPrepWorkflows.Activities.Clean.Operations.Expressions;
using DataPrepWorkflows.Activities.Clean.Recipes;
using DataPrepWorkflows.DataPlane.DuckDb;

namespace DataPrepWorkflows.Activities.Clean.Validation;

/// <summary>A step that passed validation, with its SQL.</summary>
/// <param name="Number">The 1-based step number.</param>
/// <param name="Operation">The operation name.</param>
/// <param name="Plan">The SELECT and what it does to rows and columns.</param>
/// <param name="Statistics">The aggregates over the previous relation the step uses (see <see cref="StepContext.Stat"/>).</param>
internal sealed record CompiledStep(int Number, string Operation, StepPlan Plan, IReadOnlyList<string> Statistics);

/// <summary>
/// Checks one step against the catalog and the columns present at that step, then compiles it. Validation and
/// compilation share this path, so a recipe that validates is exactly the recipe that runs.
/// </summary>
internal static class StepCompiler
{
    public static CompiledStep? Compile(
        int number,
        RecipeStep step,
        IReadOnlyList<string> columns,
        string source,
        IReadOnlyList<string?>? distinctValues,
        List<RecipeDiagnostic> diagnostics,
        IReadOnlyDictionary<string, string>? statistics = null,
        IReadOnlyDictionary<string, DuckDbType>? types = null)
    {
        var name = step.Action.Operation;
        if (OperationCatalog.Find(name) is not { } operation)
        {
            var suggestion = OperationCatalog.Suggest(name);
            diagnostics.Add(new(RecipeDiagnosticCodes.UnknownOperation, number, name, null,
                $"unknown operation '{name}'.{(suggestion is null ? "" : $" Did you mean '{suggestion}'?")} See docs/clean-recipes.md for the supported operations."));
            return null;
        }

        var before = diagnostics.Count;
        var report = (string code, string? parameter, string message) => diagnostics.Add(new(code, number, name, parameter, message));
        CheckParameters(operation, step.Action.Parameters, columns, report);
        var condition = CompileConditions(step.ConditionExpressions, columns, report);
        if (diagnostics.Count > before)
        {
            return null;
        }

        var context = new StepContext(operation, step.Action.Parameters, columns, source, condition, distinctValues, statistics, types);
        try
        {
            var plan = operation.Compiler(context);
            return new CompiledStep(number, name, plan, context.Aggregates);
        }
        catch (RecipeExpressionException error)
        {
            report(error.UnknownColumn ? RecipeDiagnosticCodes.UnknownColumn : RecipeDiagnosticCodes.InvalidValue, error.Parameter, $"{error.Parameter}: {error.Message}.");
            return null;
        }
        catch (Exception error) when (error is FormatException or JsonException or OverflowException or KeyNotFoundException or InvalidOperationException)
        {
            report(RecipeDiagnosticCodes.InvalidValue, null, $"the parameters cannot be used: {error.Message}");
            return null;
        }
    }

    /// <summary>Columns a step that failed validation would have added, so later steps are not blamed for them.</summary>
    public static IReadOnlyList<string> Assume(RecipeStep step, IReadOnlyList<string> columns)
    {
        if (OperationCatalog.Find(step.Action.Operation) is not { } operation)
        {
            return columns;
        }

        var added = operation.Parameters.Where(p => p.Kind == ParameterKind.NewColumn && step.Action.Parameters.ContainsKey(p.Name))
            .Select(p => step.Action.Parameters[p.Name]).Where(n => !ColumnNames.Exists(columns, n));
        return [.. columns, .. added];
    }

    private static void CheckParameters(OperationDefinition operation, IReadOnlyDictionary<string, string> given, IReadOnlyList<string> columns, Action<string, string?, string> report)
    {
        foreach (var key in given.Keys.Where(k => operation.Find(k) is null))
        {
            var suggestion = Closest.Find(key, operation.Parameters.Select(p => p.Name));
            var known = operation.Parameters.Count == 0 ? "it takes no parameters" : "it takes " + string.Join(", ", operation.Parameters.Select(p => p.Name));
            report(RecipeDiagnosticCodes.UnknownParameter, key,
                $"{operation.Name} has no parameter '{key}'{(suggestion is null ? "" : $" (did you mean '{suggestion}'?)")}; {known}.");
        }

        foreach (var parameter in operation.Parameters.Where(p => p.Required && !given.ContainsKey(p.Name)))
        {
            report(RecipeDiagnosticCodes.MissingParameter, parameter.Name, $"the required parameter '{parameter.Name}' is missing: {parameter.Description}");
        }

        foreach (var group in operation.ExactlyOneOf)
        {
            var present = group.Where(given.ContainsKey).ToList();
            if (present.Count == 0)
            {
                report(RecipeDiagnosticCodes.MissingParameter, group[0], $"give one of {string.Join(" or ", group)}.");
            }
            else if (present.Count > 1)
            {
                report(RecipeDiagnosticCodes.ConflictingParameters, present[1], $"give only one of {string.Join(" or ", present)}, not both.");
            }
        }

        foreach (var (key, value) in given)
        {
            if (operation.Find(key) is { } parameter && CheckValue(parameter, value, columns) is { } problem)
            {
                report(problem.Code, key, problem.Message);
            }
        }
    }

    private static (string Code, string Message)? CheckValue(OperationParameter parameter, string value, IReadOnlyList<string> columns)
    {
        switch (parameter.Kind)
        {
            case ParameterKind.Number when !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _):
                return (RecipeDiagnosticCodes.InvalidValue, $"'{value}' is not a number; write it as a string such as \"3\" or \"0.5\".");
            case ParameterKind.Integer when !int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _):
                return (RecipeDiagnosticCodes.InvalidValue, $"'{value}' is not a whole number.");
            case ParameterKind.Boolean when !bool.TryParse(value, out _):
                return (RecipeDiagnosticCodes.InvalidValue, $"'{value}' is not \"true\" or \"false\".");
            case ParameterKind.Choice when !parameter.AllowedValues.Contains(value, StringComparer.OrdinalIgnoreCase):
                return (RecipeDiagnosticCodes.InvalidEnumValue, $"'{value}' is not one of {string.Join(", ", parameter.AllowedValues)}.");
            case ParameterKind.JsonList when !IsJson(value, JsonValueKind.Array):
                return (RecipeDiagnosticCodes.InvalidJson, $"expected a JSON list encoded in the string, e.g. \"[\\\"a\\\",\\\"b\\\"]\"; got '{value}'.");
            case ParameterKind.JsonMap when !IsJson(value, JsonValueKind.Object):
                return (RecipeDiagnosticCodes.InvalidJson, $"expected a JSON object encoded in the string, e.g. \"{{\\\"a\\\":\\\"1\\\"}}\"; got '{value}'.");
            case ParameterKind.ColumnList:
                return CheckColumnList(value, columns);
            case ParameterKind.Column when !ColumnNames.Exists(columns, value):
                return (RecipeDiagnosticCodes.UnknownColumn, UnknownColumn(value, columns));
            case ParameterKind.NewColumn when value.Length == 0:
                return (RecipeDiagnosticCodes.InvalidValue, "the new column needs a name.");
            case ParameterKind.NewColumn when columns.Contains(value, StringComparer.OrdinalIgnoreCase):
                return (RecipeDiagnosticCodes.ColumnExists, $"a column '{value}' already exists at this step; choose another name or DELETE it first.");
            default:
                return null;
        }
    }

    private static bool IsJson(string value, JsonValueKind kind)
    {
        try
        {
            using var document = JsonDocument.Parse(value);
            return document.RootElement.ValueKind == kind;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static (string, string)? CheckColumnList(string value, IReadOnlyList<string> columns)
    {
        List<JsonElement>? items;
        try
        {
            items = JsonSerializer.Deserialize<List<JsonElement>>(value);
        }
        catch (JsonException)
        {
            items = null;
        }

        if (items is null || items.Count == 0 || items.Any(i => i.ValueKind != JsonValueKind.String))
        {
            return (RecipeDiagnosticCodes.InvalidJson, $"expected a non-empty JSON list of column names encoded in the string, e.g. \"[\\\"first_name\\\",\\\"last_name\\\"]\"; got '{value}'.");
        }

        var missing = items.Select(i => i.GetString()!).FirstOrDefault(c => !ColumnNames.Exists(columns, c));
        return missing is null ? null : (RecipeDiagnosticCodes.UnknownColumn, UnknownColumn(missing, columns));
    }

    private static string? CompileConditions(IReadOnlyList<ConditionExpression> conditions, IReadOnlyList<string> columns, Action<string, string?, string> report)
    {
        var predicates = new List<string>();
        for (var i = 0; i < conditions.Count; i++)
        {
            var c = conditions[i];
            var where = $"ConditionExpressions[{i}]";
            if (!ConditionCatalog.TryGet(c.Condition, out var needsValue))
            {
                var suggestion = Closest.Find(c.Condition, ConditionCatalog.Names);
                report(RecipeDiagnosticCodes.InvalidCondition, where + ".Condition",
                    $"unknown condition '{c.Condition}'{(suggestion is null ? "" : $" (did you mean '{suggestion}'?)")}; supported: {string.Join(", ", ConditionCatalog.Names)}.");
                continue;
            }

            if (needsValue && c.Value is null)
            {
                report(RecipeDiagnosticCodes.InvalidCondition, where + ".Value", $"{c.Condition} compares with a Value, and none is given.");
                continue;
            }

            if (!ColumnNames.Exists(columns, c.TargetColumn))
            {
                report(RecipeDiagnosticCodes.UnknownColumn, where + ".TargetColumn", UnknownColumn(c.TargetColumn, columns));
                continue;
            }

            try
            {
                var column = columns.FirstOrDefault(x => string.Equals(x, c.TargetColumn, StringComparison.OrdinalIgnoreCase)) ?? c.TargetColumn;
                predicates.Add(ConditionCatalog.Compile(c.Condition, Sql.Id(column), c.Value));
            }
            catch (Exception error) when (error is FormatException or JsonException)
            {
                report(RecipeDiagnosticCodes.InvalidCondition, where + ".Value", $"{c.Condition} cannot use the value '{c.Value}': {error.Message}.");
            }
        }

        return predicates.Count == 0 ? null : "(" + string.Join(" AND ", predicates) + ")";
    }

    private static string UnknownColumn(string name, IReadOnlyList<string> columns)
    {
        var suggestion = Closest.Find(name, columns.Where(c => !c.EndsWith('*')));
        return $"no column '{name}' at this step{(suggestion is null ? "" : $" (did you mean '{suggestion}'?)")}; columns: {string.Join(", ", columns)}.";
    }
}

/// <summary>Column lookups as DuckDB resolves names (case-insensitive); <c>prefix_*</c> stands for columns not known without data.</summary>
internal static class ColumnNames
{
    public static bool Exists(IReadOnlyList<string> columns, string name) =>
        columns.Any(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase)
            || (c.EndsWith('*') && name.StartsWith(c[..^1], StringComparison.OrdinalIgnoreCase)));
}
