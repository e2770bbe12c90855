using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Labeling.Jobs;

/// <summary>One object to label: a line of the input manifest.</summary>
/// <param name="Index">0-based position among the manifest's objects (Ground Truth's <c>datasetObjectId</c>).</param>
/// <param name="LineNumber">1-based line in the manifest file.</param>
/// <param name="Line">The whole line; every key passes through to the output manifest.</param>
public sealed record DataObject(int Index, int LineNumber, JsonObject Line)
{
    /// <summary>The inline text (<c>source</c>), or <c>null</c>.</summary>
    public string? Source => Line["source"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>The object's S3 URI (<c>source-ref</c>), or <c>null</c>.</summary>
    public string? SourceRef => Line["source-ref"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
