using System.Text.Json;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Activities.Clean.Validation;

namespace DataPrepWorkflows.Activities.Clean.Recipes;

/// <summary>What reading a recipe file produced: the recipe, or the reasons it could not be read.</summary>
/// <param name="Recipe">The recipe, or <see langword="null"/> when the file is not a recipe.</param>
/// <param name="Diagnostics">Problems with the file's shape (code <see cref="RecipeDiagnosticCodes.InvalidRecipe"/>).</param>
public sealed record RecipeReadResult(Recipe? Recipe, IReadOnlyList<RecipeDiagnostic> Diagnostics);

/// <summary>
/// Reads DataBrew recipe JSON in the forms users have: the array of steps (CreateRecipe's <c>Steps</c>, the console's
/// downloaded recipe), the recipe object <c>{"Name": …, "Steps": […]}</c>, and the documentation's
/// <c>{"RecipeAction": {…}}</c> wrapper for a step (alone or in an array). Keys match case-insensitively.
/// </summary>
public static class RecipeReader
{
    /// <summary>Reads recipe JSON.</summary>
    /// <param name="json">The file's text.</param>
    /// <returns>The recipe, or diagnostics naming the step and field at fault.</returns>
    public static RecipeReadResult Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException error)
        {
            return Fail(null, null, $"the recipe is not valid JSON: {error.Message}");
        }

        string? name = null;
        JsonArray? steps;
        switch (root)
        {
            case JsonArray array:
                steps = array;
                break;
            case JsonObject obj when Get(obj, "Steps") is JsonArray inner:
                steps = inner;
                name = Get(obj, "Name") is JsonValue v && v.TryGetValue<string>(out var n) ? n : null;
                break;
            case JsonObject obj when Get(obj, "Action") is not null || Get(obj, "RecipeAction") is not null:
                steps = [obj.DeepClone()];
                break;
            default:
                return Fail(null, null, "expected an array of steps, a recipe object {\"Name\": …, \"Steps\": […]} or a single {\"Action\": …} step.");
        }

        var diagnostics = new List<RecipeDiagnostic>();
        var result = new List<RecipeStep>(steps.Count);
        for (var i = 0; i < steps.Count; i++)
        {
            if (ReadStep(steps[i], i + 1, diagnostics) is { } step)
            {
                result.Add(step);
            }
        }

        return diagnostics.Count > 0 ? new RecipeReadResult(null, diagnostics) : new RecipeReadResult(new Recipe(name, result), []);
    }

    private static RecipeStep? ReadStep(JsonNode? node, int number, List<RecipeDiagnostic> diagnostics)
    {
        if (node is not JsonObject step)
        {
            diagnostics.Add(Diagnostic(number, null, null, "a step must be an object {\"Action\": {\"Operation\": …, \"Parameters\": {…}}}."));
            return null;
        }

        if ((Get(step, "Action") ?? Get(step, "RecipeAction")) is not JsonObject action)
        {
            diagnostics.Add(Diagnostic(number, null, "Action", "the step has no \"Action\" object."));
            return null;
        }

        if (Get(action, "Operation") is not JsonValue op || !op.TryGetValue<string>(out var operation) || operation.Length == 0)
        {
            diagnostics.Add(Diagnostic(number, null, "Action.Operation", "the action has no \"Operation\" name."));
            return null;
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var ok = true;
        switch (Get(action, "Parameters"))
        {
            case null:
                break;
            case JsonObject map:
                foreach (var (key, value) in map)
                {
                    if (value is JsonValue text && text.TryGetValue<string>(out var s))
                    {
                        parameters[key] = s;
                    }
                    else
                    {
                        diagnostics.Add(Diagnostic(number, operation, key,
                            $"every parameter value is a string in DataBrew recipes; write \"{key}\": {JsonSerializer.Serialize(value?.ToJsonString() ?? "")} (lists and maps JSON-encoded inside the string)."));
                        ok = false;
                    }
                }

                break;
            default:
                diagnostics.Add(Diagnostic(number, operation, "Parameters", "\"Parameters\" must be an object of string values."));
                return null;
        }

        var conditions = ReadConditions(Get(step, "ConditionExpressions"), number, operation, diagnostics, ref ok);
        return ok ? new RecipeStep(new RecipeAction(operation, parameters), conditions) : null;
    }

    private static List<ConditionExpression> ReadConditions(JsonNode? node, int number, string operation, List<RecipeDiagnostic> diagnostics, ref bool ok)
    {
        var conditions = new List<ConditionExpression>();
        if (node is null)
        {
            return conditions;
        }

        if (node is not JsonArray array)
        {
            diagnostics.Add(Diagnostic(number, operation, "ConditionExpressions", "\"ConditionExpressions\" must be an array."));
            ok = false;
            return conditions;
        }

        for (var i = 0; i < array.Count; i++)
        {
            var where = $"ConditionExpressions[{i}]";
            if (array[i] is not JsonObject c
                || Text(Get(c, "Condition")) is not { Length: > 0 } condition
                || Text(Get(c, "TargetColumn")) is not { Length: > 0 } target)
            {
                diagnostics.Add(Diagnostic(number, operation, where, "a condition needs \"Condition\" and \"TargetColumn\" strings (and \"Value\" when the condition compares)."));
                ok = false;
                continue;
            }

            conditions.Add(new ConditionExpression(condition, Text(Get(c, "Value")), target));
        }

        return conditions;
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static JsonNode? Get(JsonObject obj, string key)
    {
        if (obj.TryGetPropertyValue(key, out var exact))
        {
            return exact;
        }

        return obj.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
    }

    private static RecipeDiagnostic Diagnostic(int? step, string? operation, string? parameter, string message) =>
        new(RecipeDiagnosticCodes.InvalidRecipe, step, operation, parameter, message);

    private static RecipeReadResult Fail(int? step, string? parameter, string message) =>
        new(null, [Diagnostic(step, null, parameter, message)]);
}
