using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Server.Problems;
using Microsoft.AspNetCore.Http;

namespace DataPrepWorkflows.Server.Requests;

/// <summary>Reads request bodies within the size limit, whatever the transport enforces (chunked bodies have no declared length).</summary>
internal static class RequestBody
{
    public static async Task<string> ReadTextAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new BodyTooLargeException();
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Parses JSON text; a problem (400 with the position) when it is not JSON or not the expected shape.</summary>
    public static (T? Value, ApiProblem? Problem) ParseJson<T>(string text, string what)
        where T : JsonNode
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, ApiProblems.MalformedJson(what, "the body is empty."));
        }

        try
        {
            var node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
            return node is T value
                ? (value, null)
                : (null, ApiProblems.MalformedJson(what, $"expected a JSON {(typeof(T) == typeof(JsonArray) ? "array" : "object")}, found {node?.GetValueKind().ToString().ToLowerInvariant() ?? "null"}."));
        }
        catch (JsonException e)
        {
            return (null, ApiProblems.MalformedJson(what, Describe(e)));
        }
    }

    public static string Describe(JsonException e) =>
        e.LineNumber is { } line
            ? $"{FirstSentence(e.Message)} (line {line + 1}, byte {e.BytePositionInLine + 1})."
            : FirstSentence(e.Message) + ".";

    /// <summary>
    /// The reader's own words without what it appends for programmers: the JSON path and its zero-based line and byte
    /// (given again, counted from 1, by <see cref="Describe"/>), and the .NET type a value could not be read as.
    /// </summary>
    private static string FirstSentence(string message)
    {
        var end = message.Length;
        foreach (var tail in new[] { " Path:", " LineNumber:", " | LineNumber:" })
        {
            var at = message.IndexOf(tail, StringComparison.Ordinal);
            if (at > 0 && at < end)
            {
                end = at;
            }
        }

        var text = message[..end].TrimEnd('.', ' ');
        const string missing = "' was missing required properties including: ";
        var missingAt = text.IndexOf(missing, StringComparison.Ordinal);
        if (text.StartsWith("JSON deserialization for type '", StringComparison.Ordinal) && missingAt > 0)
        {
            return "required fields are missing: " + text[(missingAt + missing.Length)..];
        }

        return text.StartsWith("The JSON value could not be converted to ", StringComparison.Ordinal)
            ? "a value has the wrong type for its place (for example an array where an object belongs)"
            : text;
    }
}

/// <summary>The body grew past the configured limit while being read.</summary>
internal sealed class BodyTooLargeException : Exception
{
    public BodyTooLargeException()
        : base("The request body is larger than the configured limit.")
    {
    }

    public BodyTooLargeException(string message)
        : base(message)
    {
    }

    public BodyTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
