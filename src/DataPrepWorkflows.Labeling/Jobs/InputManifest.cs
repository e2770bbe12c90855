using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Labeling.Jobs;

/// <summary>
/// Reads a Ground Truth input manifest: UTF-8 JSON Lines, each line a JSON object of at most 100,000 characters with a
/// <c>source</c> (inline text) or <c>source-ref</c> (S3 URI) string, no attribute over 20,000 characters and no
/// attribute name starting with <c>$</c>. Blank lines are skipped; every other key passes through.
/// </summary>
public static class InputManifest
{
    /// <summary>Ground Truth's limit on one manifest line.</summary>
    public const int MaxLineCharacters = 100_000;

    /// <summary>Ground Truth's limit on one attribute's value.</summary>
    public const int MaxAttributeCharacters = 20_000;

    private const int MaxReported = 20;

    /// <summary>Parses the manifest; <paramref name="fileName"/> names it in diagnostics (<c>input.manifest:7</c>).</summary>
    /// <exception cref="LabelingException">Lines are invalid (up to 20 are reported), or there is no object.</exception>
    public static IReadOnlyList<DataObject> Parse(string text, string fileName, LabelingTaskType taskType)
    {
        ArgumentNullException.ThrowIfNull(text);
        var objects = new List<DataObject>();
        var problems = new List<LabelingDiagnostic>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var problem = Check(line, taskType, out var item);
            if (problem is not null)
            {
                if (problems.Count < MaxReported)
                {
                    problems.Add(new LabelingDiagnostic(LabelingErrorCodes.InvalidManifestLine, $"{fileName}:{lineNumber}", problem));
                }

                continue;
            }

            objects.Add(new DataObject(objects.Count, lineNumber, item!));
        }

        if (problems.Count > 0)
        {
            throw new LabelingException(problems);
        }

        return objects.Count > 0 ? objects : throw new LabelingException(LabelingErrorCodes.InvalidManifestLine, fileName,
            "has no data objects; write one JSON object per line, each with \"source\" (text) or \"source-ref\" (s3:// URI).");
    }

    private static string? Check(string line, LabelingTaskType taskType, out JsonObject? item)
    {
        item = null;
        if (line.Length > MaxLineCharacters)
        {
            return $"the line is {line.Length:N0} characters; Ground Truth allows at most {MaxLineCharacters:N0}.";
        }

        try
        {
            item = JsonNode.Parse(line) as JsonObject;
        }
        catch (JsonException e)
        {
            return $"is not valid JSON ({e.Message}).";
        }

        if (item is null)
        {
            return "must be a JSON object such as {\"source\": \"text\"} or {\"source-ref\": \"s3://bucket/key\"}.";
        }

        foreach (var (key, value) in item)
        {
            if (key.StartsWith('$'))
            {
                return $"attribute '{key}' starts with '$', which Ground Truth does not allow.";
            }

            var length = value?.ToJsonString().Length ?? 4;
            if (length > MaxAttributeCharacters)
            {
                return $"attribute '{key}' is {length:N0} characters; Ground Truth allows at most {MaxAttributeCharacters:N0} per attribute.";
            }
        }

        var source = item["source"];
        var sourceRef = item["source-ref"];
        if (source is null && sourceRef is null)
        {
            return "has neither \"source\" (inline text) nor \"source-ref\" (s3:// URI of the object).";
        }

        if (source is not null && source.GetValueKind() != JsonValueKind.String)
        {
            return "\"source\" must be a string.";
        }

        if (sourceRef is not null && (sourceRef.GetValueKind() != JsonValueKind.String || !sourceRef.GetValue<string>().StartsWith("s3://", StringComparison.Ordinal)))
        {
            return "\"source-ref\" must be an s3:// URI string.";
        }

        if (!taskType.IsText() && sourceRef is null)
        {
            return $"an image task ({taskType}) needs \"source-ref\" with the image's s3:// URI; inline \"source\" is only for text.";
        }

        return null;
    }
}
