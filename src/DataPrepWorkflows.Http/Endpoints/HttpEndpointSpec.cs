using System.Globalization;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;
using Microsoft.AspNetCore.Routing.Template;

namespace DataPrepWorkflows.Http.Endpoints;

/// <summary>
/// An HTTP endpoint trigger, checked and normalised: what the trigger index stores. One payload holds every method,
/// because the index keeps one entry per trigger; the route table expands it per method.
/// </summary>
/// <param name="Path">The route template, with a leading <c>/</c>.</param>
/// <param name="Methods">Upper-case methods.</param>
/// <param name="Authorization"><see cref="Anonymous"/> or a role name.</param>
/// <param name="Respond"><see cref="RespondImmediately"/> or <see cref="RespondWait"/>.</param>
/// <param name="Timeout">How long <see cref="RespondWait"/> waits.</param>
internal sealed record HttpEndpointSpec(string Path, IReadOnlyList<string> Methods, string Authorization, string Respond, TimeSpan Timeout)
{
    public const string TriggerType = "HttpEndpoint";
    public const string Anonymous = "anonymous";
    public const string RespondImmediately = "immediately";
    public const string RespondWait = "wait";

    /// <summary>Checks the inputs; a problem faults with <c>Http.InvalidEndpoint</c> naming the input.</summary>
    public static HttpEndpointSpec Create(string path, IEnumerable<string>? methods, string? authorization, string? respond, TimeSpan timeout)
    {
        var template = "/" + (path ?? "").Trim().Trim('/');
        try
        {
            var parsed = TemplateParser.Parse(template.TrimStart('/'));
            if (parsed.Parameters.Any(p => p.InlineConstraints.Any() || p.IsCatchAll))
            {
                throw Invalid("path", $"'{path}' uses route constraints or a catch-all; write plain parameters such as /loans/{{id}}");
            }
        }
        catch (ArgumentException e)
        {
            throw Invalid("path", $"'{path}' is not a route template: {e.Message}");
        }

        var upper = (methods ?? ["POST"]).Select(m => m.Trim().ToUpperInvariant()).Distinct().ToList();
        if (upper.Count == 0 || upper.Any(m => m.Length == 0 || !m.All(char.IsAsciiLetterUpper)))
        {
            throw Invalid("methods", "list HTTP methods such as [\"POST\"] or [\"GET\", \"PUT\"]");
        }

        var mode = (respond ?? RespondImmediately).Trim().ToLowerInvariant();
        if (mode is not (RespondImmediately or RespondWait))
        {
            throw Invalid("respond", $"'{respond}' is not 'immediately' or 'wait'");
        }

        if (timeout <= TimeSpan.Zero)
        {
            throw Invalid("timeout", "the timeout must be positive");
        }

        var auth = string.IsNullOrWhiteSpace(authorization) ? Anonymous : authorization.Trim();
        return new(template, upper, auth, mode, timeout);
    }

    public JsonObject ToPayload() => new()
    {
        ["key"] = Path.ToLowerInvariant(),
        ["methods"] = new JsonArray([.. Methods.Select(m => JsonValue.Create(m))]),
        ["path"] = Path,
        ["authorization"] = Authorization,
        ["respond"] = Respond,
        ["timeoutMs"] = (long)Timeout.TotalMilliseconds,
    };

    /// <summary>Reads an indexed payload back.</summary>
    public static HttpEndpointSpec FromPayload(JsonObject payload) => Create(
        payload["path"]?.GetValue<string>() ?? "",
        (payload["methods"] as JsonArray ?? []).Select(m => m?.GetValue<string>() ?? "").ToList(),
        payload["authorization"]?.GetValue<string>(),
        payload["respond"]?.GetValue<string>(),
        TimeSpan.FromMilliseconds(payload["timeoutMs"]?.GetValue<long>() ?? 30_000));

    private static ActivityFaultException Invalid(string input, string message) =>
        new("Http.InvalidEndpoint", string.Create(CultureInfo.InvariantCulture, $"HttpEndpoint '{input}': {message}."));
}
