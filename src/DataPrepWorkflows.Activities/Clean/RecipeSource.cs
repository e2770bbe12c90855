using System.Text.Json.Nodes;
using DataPrepWorkflows.Activities.Backends;
using DataPrepWorkflows.Activities.Clean.Recipes;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Activities.Clean;

/// <summary>Turns the activity's recipe input (inline JSON, JSON text, or a file path/URI) into a recipe.</summary>
internal static class RecipeSource
{
    public static async Task<Recipe> LoadAsync(JsonNode? input, DataBackends backends, CancellationToken cancellationToken)
    {
        string json;
        if (input is JsonArray or JsonObject)
        {
            json = input.ToJsonString();
        }
        else if (input is JsonValue value && value.TryGetValue<string>(out var text) && text.Trim() is { Length: > 0 } trimmed)
        {
            json = trimmed[0] is '[' or '{' ? trimmed : await ReadFileAsync(trimmed, backends, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            throw new ActivityFaultException(CleanErrors.InvalidRecipe, "recipe: give the recipe JSON inline or the path / s3:// URI of a recipe file.");
        }

        var read = RecipeReader.Read(json);
        return read.Recipe ?? throw new ActivityFaultException(CleanErrors.InvalidRecipe,
            "The recipe is not a DataBrew recipe:" + Environment.NewLine + string.Join(Environment.NewLine, read.Diagnostics));
    }

    private static async Task<string> ReadFileAsync(string location, DataBackends backends, CancellationToken cancellationToken)
    {
        var path = backends.ResolveLocalPath(location);
        if (!File.Exists(path))
        {
            throw new ActivityFaultException(CleanErrors.RecipeNotFound, $"recipe: '{location}' does not exist.");
        }

        return await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
    }
}
