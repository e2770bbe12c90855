using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Dsl.Diagnostics;
using DataPrepWorkflows.Engine.Descriptors;

namespace DataPrepWorkflows.Dsl.Reading;

/// <summary>Reads workflow files. Never throws for anything in the file: every problem becomes a diagnostic.</summary>
public static class WorkflowFile
{
    /// <summary>Reads workflow JSON text.</summary>
    /// <param name="text">The file content.</param>
    /// <param name="registry">
    /// Used to resolve <c>"next": "x"</c> to the activity type's default (first) outcome; without it, or for an
    /// unknown type, the default outcome is <c>Done</c>.
    /// </param>
    public static ReadResult Read(string text, ActivityRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Read(Encoding.UTF8.GetBytes(text), registry);
    }

    /// <summary>Reads workflow JSON from UTF-8 bytes (a leading byte order mark is ignored).</summary>
    public static ReadResult Read(ReadOnlySpan<byte> utf8, ActivityRegistry? registry = null)
    {
        var bytes = utf8.StartsWith("\uFEFF"u8) ? utf8[3..].ToArray() : utf8.ToArray();
        var (map, syntax) = SourceMapBuilder.Build(bytes);
        if (syntax.Count > 0)
        {
            return new ReadResult(null, syntax, map);
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(bytes);
        }
        catch (JsonException ex)
        {
            // The source map pass accepted the text, so this is not expected; still a diagnostic, never a crash.
            return new ReadResult(null, [new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.MalformedJson, $"The file is not valid JSON: {ex.Message}", "", 1, 1)], map);
        }

        if (root is not JsonObject workflow)
        {
            var diagnostic = new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.WrongPropertyType, $"A workflow file holds one JSON object with 'id', 'version', 'name', 'description' and 'activities'; found {JsonShape.Describe(root)}.", "");
            return new ReadResult(null, Positioned([diagnostic], map), map);
        }

        var (definition, diagnostics) = WorkflowReader.Read(workflow, registry);
        return new ReadResult(definition, Positioned(diagnostics, map), map);
    }

    /// <summary>Reads a workflow file from disk.</summary>
    /// <exception cref="IOException">The file cannot be read (missing, no permission).</exception>
    public static ReadResult ReadFile(string path, ActivityRegistry? registry = null) =>
        Read(File.ReadAllBytes(path), registry);

    /// <summary>Fills in line and column from the source map (the nearest existing parent for a missing property).</summary>
    internal static List<Diagnostic> Positioned(IEnumerable<Diagnostic> diagnostics, SourceMap map) =>
        diagnostics.Select(d => d.Line > 0 || map.FindNearest(d.Path) is not { } position
            ? d
            : d with { Line = position.Line, Column = position.Column }).ToList();
}
