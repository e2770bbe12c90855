using System.Text.Json;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Cli.Console;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Descriptors;

namespace DataPrepWorkflows.Cli.Run;

/// <summary>
/// Turns <c>--input-file f.json</c> and <c>--input name=value</c> into the workflow's inputs. A value is read as JSON
/// unless the input is a string (then it is taken verbatim), so <c>--input rows=500</c> is a number and
/// <c>--input files='["a","b"]'</c> an array. Later arguments override earlier ones and the file.
/// </summary>
internal static class InputArguments
{
    public static JsonObject Parse(WorkflowDefinition definition, IEnumerable<string> pairs, string? inputFile)
    {
        var inputs = inputFile is null ? [] : ReadFile(inputFile);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new UserError(CliErrorCodes.InvalidInput, $"--input '{pair}' must be name=value, for example --input rows=500.");
            }

            var name = pair[..equals];
            var declared = definition.Inputs.FirstOrDefault(i => i.Name == name) ?? throw new UserError(
                CliErrorCodes.InvalidInput,
                $"workflow '{definition.Id}' has no input '{name}'; its inputs are: {Names(definition)}.");
            inputs[name] = Convert(declared, pair[(equals + 1)..]);
        }

        return inputs;
    }

    private static JsonNode? Convert(WorkflowInput input, string text)
    {
        if (input.Type is InputTypes.String or InputTypes.Duration or InputTypes.DateTime)
        {
            return JsonValue.Create(text);
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            if (input.Type == InputTypes.Any)
            {
                return JsonValue.Create(text);
            }

            throw new UserError(CliErrorCodes.InvalidInput,
                $"--input {input.Name}: '{text}' is not a valid {input.Type}; write it as JSON (for example {Example(input.Type)}).");
        }
    }

    private static JsonObject ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new UserError(CliErrorCodes.FileNotFound, $"--input-file '{path}' does not exist.");
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                ?? throw new UserError(CliErrorCodes.InvalidInput, $"{path}: the input file must hold one JSON object of name → value.");
        }
        catch (JsonException e)
        {
            throw new UserError(CliErrorCodes.InvalidInput, $"{path}({e.LineNumber + 1},{e.BytePositionInLine + 1}): not valid JSON: {e.Message.Split(" Path:")[0]}");
        }
    }

    private static string Names(WorkflowDefinition definition) =>
        definition.Inputs.Count == 0 ? "(none)" : string.Join(", ", definition.Inputs.Select(i => $"{i.Name} ({i.Type})"));

    private static string Example(string type) => type switch
    {
        InputTypes.Integer => "42",
        InputTypes.Number => "0.95",
        InputTypes.Boolean => "true",
        InputTypes.Array => "'[\"a\",\"b\"]'",
        _ => "'{\"key\":\"value\"}'",
    };
}
