using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Http.Endpoints;

/// <summary>
/// Starts the workflow when an HTTP request arrives at a path under the server's workflows base path. The request is
/// the instance's <c>trigger</c>: <c>trigger.body</c>, <c>trigger.headers</c>, <c>trigger.query</c>,
/// <c>trigger.route</c>, <c>trigger.method</c>, <c>trigger.path</c>.
/// </summary>
[Activity(HttpEndpointSpec.TriggerType, Category = "Triggers", Description = "Starts the workflow when an HTTP request arrives at a path (with route parameters such as /loans/{id}).")]
public sealed class HttpEndpoint : TriggerActivity
{
    /// <summary>The path under the base path, with route parameters: <c>/loans/{id}</c>.</summary>
    [Input(Description = "Path under the base path (default /workflows), with route parameters: '/loans/{id}'.", Required = true, AllowExpressions = false)]
    public string Path { get; set; } = "";

    /// <summary>The HTTP methods served. <value>POST.</value></summary>
    [Input(Description = "HTTP methods served.", DefaultJson = "[\"POST\"]", AllowExpressions = false)]
    public string[] Methods { get; set; } = ["POST"];

    /// <summary><c>anonymous</c>, or the role a caller must have (the server maps API keys to roles). <value>anonymous.</value></summary>
    [Input(Description = "'anonymous', or the role a caller must have (for example 'operator').", DefaultJson = "\"anonymous\"", AllowExpressions = false)]
    public string Authorization { get; set; } = HttpEndpointSpec.Anonymous;

    /// <summary>
    /// <c>immediately</c>: 202 with the instance id; <c>wait</c>: the response a <c>WriteHttpResponse</c> activity
    /// writes, or 504 after <see cref="Timeout"/>. <value>immediately.</value>
    /// </summary>
    [Input(Description = "'immediately' (202 with the instance id) or 'wait' (the response WriteHttpResponse writes; 504 after timeout).", DefaultJson = "\"immediately\"", AllowedValues = [HttpEndpointSpec.RespondImmediately, HttpEndpointSpec.RespondWait], AllowExpressions = false)]
    public string Respond { get; set; } = HttpEndpointSpec.RespondImmediately;

    /// <summary>How long <c>wait</c> waits for the response. <value>30 seconds.</value></summary>
    [Input(Description = "How long 'wait' waits for the workflow's response.", DefaultJson = "\"PT30S\"", AllowExpressions = false)]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public override IReadOnlyList<JsonNode> GetTriggerPayloads()
    {
        return [HttpEndpointSpec.Create(Path, Methods, Authorization, Respond, Timeout).ToPayload()];
    }
}
