namespace DataPrepWorkflows.Http.Hosting;

/// <summary>How <see cref="HttpWorkflowsEndpointRouteBuilderExtensions.MapHttpWorkflows"/> serves HTTP endpoint triggers.</summary>
public sealed class HttpWorkflowsOptions
{
    /// <summary>The path every endpoint is under: <c>/loans/{id}</c> is served at <c>/workflows/loans/{id}</c>. <value><c>/workflows</c>.</value></summary>
    public string BasePath { get; set; } = "/workflows";

    /// <summary>The largest request body accepted; larger requests get 413. <value>1 MiB.</value></summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How often a <c>wait</c> endpoint looks for the workflow's response. <value>100 ms.</value></summary>
    public TimeSpan ResponsePollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Request headers never copied into <c>trigger.headers</c>, because the trigger is stored with the instance.
    /// <value>authorization, cookie, x-api-key, proxy-authorization.</value>
    /// </summary>
    public ISet<string> RedactedHeaders { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "authorization", "cookie", "x-api-key", "proxy-authorization" };

    /// <summary>The clock for <c>wait</c> timeouts. <value>The system clock.</value></summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;
}
