using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DataPrepWorkflows.Http.Hosting;

/// <summary>
/// The request as the workflow's <c>trigger</c>: <c>method</c>, <c>path</c>, <c>route</c>, <c>query</c>,
/// <c>headers</c> (lower-case names, secrets left out), <c>contentType</c> and <c>body</c> (parsed JSON for a JSON
/// request, else text).
/// </summary>
internal static class HttpTriggerPayload
{
    /// <summary>The payload, or a problem (status and detail) when the body is too large or not the JSON it claims.</summary>
    public static async Task<(JsonObject? Payload, int Status, string? Problem)> ReadAsync(
        HttpRequest request, string path, RouteValueDictionary route, HttpWorkflowsOptions options, CancellationToken cancellationToken)
    {
        if (request.ContentLength > options.MaxRequestBodyBytes)
        {
            return (null, StatusCodes.Status413PayloadTooLarge, $"The body is larger than {options.MaxRequestBodyBytes} bytes.");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > options.MaxRequestBodyBytes)
            {
                return (null, StatusCodes.Status413PayloadTooLarge, $"The body is larger than {options.MaxRequestBodyBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        var text = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        JsonNode? body = text.Length == 0 ? null : text;
        if (text.Length > 0 && (request.ContentType ?? "").Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                body = JsonNode.Parse(text);
            }
            catch (JsonException e)
            {
                return (null, StatusCodes.Status400BadRequest, $"The body is not valid JSON: {e.Message}");
            }
        }

        var headers = new JsonObject();
        foreach (var (name, values) in request.Headers.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
        {
            if (!options.RedactedHeaders.Contains(name))
            {
                headers[name.ToLowerInvariant()] = values.ToString();
            }
        }

        var query = new JsonObject();
        foreach (var (name, values) in request.Query)
        {
            query[name] = values.Count == 1 ? values[0] : new JsonArray([.. values.Select(v => JsonValue.Create(v))]);
        }

        var routeValues = new JsonObject();
        foreach (var (name, value) in route)
        {
            routeValues[name] = value?.ToString();
        }

        var payload = new JsonObject
        {
            ["type"] = "HttpEndpoint",
            ["method"] = request.Method.ToUpperInvariant(),
            ["path"] = path,
            ["route"] = routeValues,
            ["query"] = query,
            ["headers"] = headers,
            ["contentType"] = request.ContentType,
            ["body"] = body,
        };
        return (payload, StatusCodes.Status200OK, null);
    }
}
