using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Cli.Console;

namespace DataPrepWorkflows.Cli.Interop;

/// <summary>Reading inputs and writing outputs of the interop commands, with user errors instead of exceptions.</summary>
internal static class InteropFiles
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<string> ReadAsync(string path, string what)
    {
        if (!File.Exists(path))
        {
            throw new UserError(CliErrorCodes.FileNotFound, $"{what} '{Path.GetFullPath(path)}' does not exist.");
        }

        return await File.ReadAllTextAsync(path);
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/>, or to <paramref name="output"/> when no path is given.</summary>
    public static async Task WriteAsync(string? path, string text, TextWriter output)
    {
        if (path is null)
        {
            await output.WriteAsync(text);
            return;
        }

        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            Directory.CreateDirectory(folder);
            var temporary = path + ".tmp";
            await File.WriteAllTextAsync(temporary, text);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError(InteropErrorCodes.OutputNotWritable, $"cannot write '{Path.GetFullPath(path)}': {e.Message}");
        }
    }

    /// <summary>JSON with 2-space indentation, <c>\n</c> line ends and a final newline.</summary>
    public static string Print(JsonNode node) =>
        node.ToJsonString(Indented).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
}
