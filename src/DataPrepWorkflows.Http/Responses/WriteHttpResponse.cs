using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Http.Responses;

/// <summary>
/// Writes the response of the <c>HttpEndpoint</c> request that started the instance (when it responds with
/// <c>wait</c>). The response is recorded in the activity's outputs, which are committed with the instance, so the
/// node holding the request finds it even when the instance ran on another node.
/// </summary>
[Activity("WriteHttpResponse", Category = "HTTP", Description = "Writes the HTTP response of the request that started the workflow.")]
public sealed class WriteHttpResponse : CodeActivity
{
    /// <summary>The status code. <value>200.</value></summary>
    [Input(Description = "Status code.", DefaultJson = "200")]
    public int StatusCode { get; set; } = 200;

    /// <summary>The body: JSON (object, array, number…) or text.</summary>
    [Input(Description = "Body: JSON (object, array, number) or text.", UIHint = "json-editor")]
    public JsonNode? Content { get; set; }

    /// <summary>The content type. <value><c>text/plain</c> for text, else <c>application/json</c>.</value></summary>
    [Input(Description = "Content type; default text/plain for text, application/json otherwise.")]
    public string? ContentType { get; set; }

    /// <summary>Response headers, name to value.</summary>
    [Input(Description = "Response headers, name to value.", UIHint = "json-editor")]
    public JsonObject? Headers { get; set; }

    /// <summary>The response as recorded: <c>statusCode</c>, <c>contentType</c>, <c>headers</c>, <c>body</c> (text).</summary>
    [Output(Description = "The response as recorded: statusCode, contentType, headers, body (text).")]
    public JsonObject? Response { get; set; }

    /// <inheritdoc />
    protected override ValueTask ExecuteAsync(ActivityContext context)
    {
        if (StatusCode is < 100 or > 599)
        {
            throw new ActivityFaultException("Http.InvalidResponse", $"statusCode {StatusCode} is not an HTTP status code (100-599).");
        }

        Response = HttpResponseRecord.From(StatusCode, Content, ContentType, Headers).ToJson();
        return ValueTask.CompletedTask;
    }
}
