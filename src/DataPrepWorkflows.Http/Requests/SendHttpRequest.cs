using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;
using Polly.Timeout;

namespace DataPrepWorkflows.Http.Requests;

/// <summary>
/// Sends an HTTP request and follows the outcome named after the status code (<c>2xx</c>, <c>404</c>, …, or
/// <c>Failed</c> when no expected code matches or the request never got a response), retrying transient failures
/// (network errors, attempt timeouts, 408, 429 honouring <c>Retry-After</c>, 5xx) with exponential back-off and jitter.
/// </summary>
[Activity("SendHttpRequest", Category = "HTTP", Description = "Sends an HTTP request with retries; the outcome is the matching expected status code, or Failed.", DynamicOutcomes = true, SafeToRerun = false)]
[Outcomes("2xx", StatusOutcomes.Failed)]
public sealed class SendHttpRequest : Activity
{
    /// <summary>The absolute URL.</summary>
    [Input(Description = "Absolute URL.", Required = true)]
    public string Url { get; set; } = "";

    /// <summary>The method. <value>GET.</value></summary>
    [Input(Description = "HTTP method.", DefaultJson = "\"GET\"")]
    public string Method { get; set; } = "GET";

    /// <summary>Request headers, name to value.</summary>
    [Input(Description = "Request headers, name to value.", UIHint = "json-editor")]
    public JsonObject? Headers { get; set; }

    /// <summary>The body: JSON (sent as application/json) or text.</summary>
    [Input(Description = "Body: JSON (sent as application/json) or text (text/plain).", UIHint = "json-editor")]
    public JsonNode? Body { get; set; }

    /// <summary>The body's content type. <value>From the body's kind.</value></summary>
    [Input(Description = "Content type of the body; default application/json for JSON, text/plain for text.")]
    public string? ContentType { get; set; }

    /// <summary>The timeout of each attempt. <value>30 seconds.</value></summary>
    [Input(Description = "Timeout of each attempt.", DefaultJson = "\"PT30S\"")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The status codes expected, each an outcome: a code (<c>404</c>) or a class (<c>2xx</c>). <value>2xx.</value></summary>
    [Input(Description = "Expected status codes, each an outcome: a code ('404') or a class ('2xx').", DefaultJson = "[\"2xx\"]")]
    public string[] ExpectedStatusCodes { get; set; } = ["2xx"];

    /// <summary>Attempts in all, the first included (1 = no retries). <value>3.</value></summary>
    [Input(Description = "Attempts in all, the first included (1 = no retries).", DefaultJson = "3")]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The first retry's delay before back-off and jitter. <value>1 second.</value></summary>
    [Input(Description = "First retry delay; doubled for each further retry, with jitter.", DefaultJson = "\"PT1S\"")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The response's status code (0 when none came).</summary>
    [Output(Description = "Status code (0 when no response came).")]
    public int StatusCode { get; set; }

    /// <summary>The response headers, name to value.</summary>
    [Output(Description = "Response headers, name to value.")]
    public JsonObject? ResponseHeaders { get; set; }

    /// <summary>The response body: parsed JSON when the response is JSON, else text.</summary>
    [Output(Description = "Response body: parsed JSON when the response is JSON, else text.")]
    public JsonNode? ResponseBody { get; set; }

    /// <summary>How many attempts were made.</summary>
    [Output(Description = "How many attempts were made.")]
    public int Attempts { get; set; }

    /// <summary>Why no response came (network error, timeout), or <c>null</c>.</summary>
    [Output(Description = "Why no response came (network error, timeout), or null.")]
    public string? Error { get; set; }

    /// <inheritdoc />
    protected override async ValueTask ExecuteAsync(ActivityContext context)
    {
        Validate();
        var client = context.Services.GetService(typeof(HttpClient)) as HttpClient;
        var owned = client is null ? new HttpClient { Timeout = System.Threading.Timeout.InfiniteTimeSpan } : null;
        client ??= owned!;
        try
        {
            Attempts = 1;
            var pipeline = HttpResilience.Build(MaxAttempts, RetryDelay, Timeout, context.Clock, attempt => Attempts = attempt);
            using var response = await pipeline.ExecuteAsync(
                async token =>
                {
                    using var request = CreateRequest();
                    return await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, token).ConfigureAwait(false);
                },
                context.CancellationToken).ConfigureAwait(false);
            await ReadAsync(response, context.CancellationToken).ConfigureAwait(false);
            context.SetOutcome(StatusOutcomes.For(StatusCode, ExpectedStatusCodes));
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException)
        {
            Error = e is TimeoutRejectedException
                ? $"{Method} {Url} did not answer within {Timeout} ({Attempts} attempt(s))"
                : $"{Method} {Url} failed: {e.Message} ({Attempts} attempt(s))";
            context.SetOutcome(StatusOutcomes.Failed);
        }
        finally
        {
            owned?.Dispose();
        }
    }

    private void Validate()
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new ActivityFaultException("Http.InvalidRequest", $"url '{Url}' is not an absolute http(s) URL.");
        }

        if (MaxAttempts < 1 || Timeout <= TimeSpan.Zero || RetryDelay < TimeSpan.Zero)
        {
            throw new ActivityFaultException("Http.InvalidRequest", "maxAttempts must be at least 1, timeout positive and retryDelay not negative.");
        }

        var bad = ExpectedStatusCodes.FirstOrDefault(e => !StatusOutcomes.IsValid(e));
        if (bad is not null)
        {
            throw new ActivityFaultException("Http.InvalidRequest", $"expectedStatusCodes entry '{bad}' is not a status code (404) or class (2xx).");
        }
    }

    private HttpRequestMessage CreateRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method.Trim().ToUpperInvariant()), Url);
        if (Body is not null)
        {
            var isText = Body is JsonValue value && value.GetValueKind() == JsonValueKind.String;
            var content = new StringContent(isText ? Body.GetValue<string>() : Body.ToJsonString(), Encoding.UTF8);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType ?? (isText ? "text/plain; charset=utf-8" : "application/json; charset=utf-8"));
            request.Content = content;
        }

        foreach (var (name, node) in Headers ?? [])
        {
            var text = node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : node?.ToJsonString() ?? "";
            if (!request.Headers.TryAddWithoutValidation(name, text))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, text);
            }
        }

        return request;
    }

    private async Task ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        StatusCode = (int)response.StatusCode;
        ResponseHeaders = [];
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            ResponseHeaders[name.ToLowerInvariant()] = string.Join(", ", values);
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        ResponseBody = text;
        if (mediaType.Contains("json", StringComparison.OrdinalIgnoreCase) && text.Length > 0)
        {
            try
            {
                ResponseBody = JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                // A server that labels text as JSON: keep the text rather than fail the step.
            }
        }
    }
}
