using System.Text.Json;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Cli.Console;

namespace DataPrepWorkflows.Cli.Configuration;

/// <summary>
/// Reads <c>appsettings.json</c> from the current folder (or the tool's folder when absent) and overlays
/// <c>DATAPREP__Section__Key</c> environment variables. Invalid settings fail fast with a message naming the setting.
/// </summary>
internal static class SettingsLoader
{
    public const string FileName = "appsettings.json";

    public static DataprepSettings Load(string? explicitPath = null)
    {
        var path = explicitPath ?? FindFile();
        var root = path is null ? new JsonObject() : ReadFile(path);
        ApplyEnvironment(root);
        var baseFolder = path is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(path))!;
        return new DataprepSettings
        {
            StateFolder = ReadString(root, path, "StateFolder") ?? ".dataprep",
            Plugins = ReadPlugins(root, path),
            Environment = ReadEnvironment(root, path),
            BaseFolder = baseFolder,
        };
    }

    private static string? FindFile()
    {
        var local = Path.Combine(Directory.GetCurrentDirectory(), FileName);
        if (File.Exists(local))
        {
            return local;
        }

        var beside = Path.Combine(AppContext.BaseDirectory, FileName);
        return File.Exists(beside) ? beside : null;
    }

    private static JsonObject ReadFile(string path)
    {
        try
        {
            var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
            return JsonNode.Parse(File.ReadAllText(path), documentOptions: options) as JsonObject
                ?? throw Invalid(path, "the file must contain a JSON object");
        }
        catch (JsonException e)
        {
            throw Invalid(path, $"line {e.LineNumber + 1}, column {e.BytePositionInLine + 1}: {e.Message.Split(" Path:")[0]}");
        }
        catch (IOException e)
        {
            throw Invalid(path, e.Message);
        }
    }

    /// <summary>The prefix of environment variables that override settings: <c>DATAPREP__Section__Key</c>.</summary>
    public const string EnvironmentPrefix = "DATAPREP__";

    private static void ApplyEnvironment(JsonObject root)
    {
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            var key = (string)entry.Key;
            if (!key.StartsWith(EnvironmentPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var parts = key[EnvironmentPrefix.Length..].Split("__", StringSplitOptions.RemoveEmptyEntries);
            var node = root;
            for (var i = 0; i < parts.Length - 1; i++)
            {
                if (node[parts[i]] is not JsonObject child)
                {
                    child = new JsonObject();
                    node[parts[i]] = child;
                }

                node = child;
            }

            if (parts.Length > 0)
            {
                node[parts[^1]] = (string?)entry.Value;
            }
        }
    }

    private static string? ReadString(JsonObject root, string? path, string name) => root[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) && s.Length > 0 => s,
        _ => throw Invalid(path, $"'{name}' must be a non-empty string"),
    };

    private static List<string> ReadPlugins(JsonObject root, string? path)
    {
        if (root["Activities"] is not JsonObject activities || activities["Plugins"] is not { } plugins)
        {
            return [];
        }

        if (plugins is JsonValue single && single.TryGetValue<string>(out var one))
        {
            return [one];
        }

        if (plugins is not JsonArray list || list.Any(p => p is not JsonValue v || !v.TryGetValue<string>(out _)))
        {
            throw Invalid(path, "'Activities:Plugins' must be a list of assembly paths");
        }

        return list.Select(p => p!.GetValue<string>()).ToList();
    }

    private static JsonObject ReadEnvironment(JsonObject root, string? path) => root["Environment"] switch
    {
        null => new JsonObject { ["name"] = "local" },
        JsonObject env => (JsonObject)env.DeepClone(),
        _ => throw Invalid(path, "'Environment' must be an object of parameters (visible to expressions as env)"),
    };

    private static UserError Invalid(string? path, string reason) =>
        new(CliErrorCodes.InvalidConfiguration, $"{path ?? FileName}: {reason}.");
}
