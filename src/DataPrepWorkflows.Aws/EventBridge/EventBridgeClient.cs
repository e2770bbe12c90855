using DataPrepWorkflows.Aws.Protocol;

namespace DataPrepWorkflows.Aws.EventBridge;

/// <summary>
/// Amazon EventBridge over the AWS JSON 1.1 protocol (<c>X-Amz-Target: AWSEvents.&lt;Operation&gt;</c>), SigV4-signed
/// with AWSSDK.Core. Thread-safe. Errors are <see cref="AwsServiceException"/>; the client does not retry.
/// </summary>
public sealed class EventBridgeClient : IDisposable
{
    private static readonly EventBridgeJsonContext Json = EventBridgeJsonContext.Default;
    private readonly AwsJsonTransport _transport;

    /// <summary>Creates a client; endpoint, region and credentials resolve from <paramref name="options"/> and the standard chain.</summary>
    /// <param name="options">Endpoint, region and credentials; empty for the defaults.</param>
    /// <param name="httpClient">The HTTP client to send with; <see langword="null"/> creates one that the client owns.</param>
    /// <param name="timeProvider">The clock that dates signatures; the system clock by default.</param>
    /// <exception cref="AwsConfigurationException">No region or credentials can be resolved.</exception>
    public EventBridgeClient(AwsClientOptions options, HttpClient? httpClient = null, TimeProvider? timeProvider = null) =>
        _transport = new AwsJsonTransport(AwsJsonService.EventBridge, options, httpClient, timeProvider);

    /// <summary>The endpoint requests go to.</summary>
    public Uri Endpoint => _transport.Endpoint.Url;

    /// <summary>The signing region.</summary>
    public string Region => _transport.Endpoint.Region;

    /// <summary>Creates a rule or replaces its definition; returns its ARN.</summary>
    public async Task<string> PutRuleAsync(PutRuleRequest request, CancellationToken cancellationToken = default) =>
        (await _transport.SendAsync("PutRule", request, Json.PutRuleRequest, Json.PutRuleResponse, cancellationToken).ConfigureAwait(false)).RuleArn;

    /// <summary>Adds targets to a rule or updates those with the same ids; check <see cref="TargetsResponse.FailedEntries"/>.</summary>
    public Task<TargetsResponse> PutTargetsAsync(PutTargetsRequest request, CancellationToken cancellationToken = default) =>
        _transport.SendAsync("PutTargets", request, Json.PutTargetsRequest, Json.TargetsResponse, cancellationToken);

    /// <summary>Reads a rule; <c>ResourceNotFoundException</c> when it does not exist.</summary>
    public Task<DescribeRuleResponse> DescribeRuleAsync(RuleNameRequest request, CancellationToken cancellationToken = default) =>
        _transport.SendAsync("DescribeRule", request, Json.RuleNameRequest, Json.DescribeRuleResponse, cancellationToken);

    /// <summary>Lists one page of the rules on a bus, optionally only those whose name starts with a prefix.</summary>
    public Task<ListRulesResponse> ListRulesAsync(ListRulesRequest request, CancellationToken cancellationToken = default) =>
        _transport.SendAsync("ListRules", request, Json.ListRulesRequest, Json.ListRulesResponse, cancellationToken);

    /// <summary>Lists one page of a rule's targets.</summary>
    public Task<ListTargetsByRuleResponse> ListTargetsByRuleAsync(ListTargetsByRuleRequest request, CancellationToken cancellationToken = default) =>
        _transport.SendAsync("ListTargetsByRule", request, Json.ListTargetsByRuleRequest, Json.ListTargetsByRuleResponse, cancellationToken);

    /// <summary>Removes targets from a rule (a rule must have none before it can be deleted).</summary>
    public Task<TargetsResponse> RemoveTargetsAsync(RemoveTargetsRequest request, CancellationToken cancellationToken = default) =>
        _transport.SendAsync("RemoveTargets", request, Json.RemoveTargetsRequest, Json.TargetsResponse, cancellationToken);

    /// <summary>Deletes a rule that has no targets.</summary>
    public Task DeleteRuleAsync(RuleNameRequest request, CancellationToken cancellationToken = default) =>
        _transport.SendAsync("DeleteRule", request, Json.RuleNameRequest, Json.NoOutput, cancellationToken);

    /// <summary>Puts up to 10 events on a bus; check <see cref="PutEventsResponse.FailedEntryCount"/>.</summary>
    public Task<PutEventsResponse> PutEventsAsync(PutEventsRequest request, CancellationToken cancellationToken = default) =>
        _transport.SendAsync("PutEvents", request, Json.PutEventsRequest, Json.PutEventsResponse, cancellationToken);

    /// <summary>Asks EventBridge whether an event matches a pattern; an invalid pattern is <c>InvalidEventPatternException</c>.</summary>
    public async Task<bool> TestEventPatternAsync(TestEventPatternRequest request, CancellationToken cancellationToken = default) =>
        (await _transport.SendAsync("TestEventPattern", request, Json.TestEventPatternRequest, Json.TestEventPatternResponse, cancellationToken).ConfigureAwait(false)).Result;

    /// <summary>Releases the HTTP client when the client created it.</summary>
    public void Dispose() => _transport.Dispose();

    /// <summary>The request body exactly as <see cref="PutRuleAsync"/> sends it, for dry runs and plans.</summary>
    public static string RequestJson(PutRuleRequest request) => System.Text.Json.JsonSerializer.Serialize(request, Json.PutRuleRequest);

    /// <summary>The request body exactly as <see cref="PutTargetsAsync"/> sends it, for dry runs and plans.</summary>
    public static string RequestJson(PutTargetsRequest request) => System.Text.Json.JsonSerializer.Serialize(request, Json.PutTargetsRequest);
}
