using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DataPrepWorkflows.Events.Envelope;

namespace DataPrepWorkflows.Aws.Sources;

/// <summary>
/// Reads an SQS message body as the EventBridge event a rule delivered. EventBridge always writes <c>account</c>;
/// some emulators (moto) leave it out, so a missing one is taken from the queue URL's account segment, the account
/// the rule and its queue live in. Anything else missing makes the body "not an event".
/// </summary>
internal static partial class DeliveredEvent
{
    public static bool TryRead(string body, string queueUrl, out EventBridgeEvent evt, out string error)
    {
        evt = null!;
        try
        {
            if (JsonNode.Parse(body) is not JsonObject envelope)
            {
                error = "the body is not a JSON object.";
                return false;
            }

            if (!envelope.ContainsKey("account") && QueueAccount(queueUrl) is { } account)
            {
                envelope["account"] = account;
            }

            evt = EventBridgeEvent.FromJson(envelope.ToJsonString());
            error = string.Empty;
            return true;
        }
        catch (JsonException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    private static string? QueueAccount(string queueUrl)
    {
        var match = AccountSegment().Match(queueUrl);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"/(\d{12})/[^/]+/?$", RegexOptions.CultureInvariant)]
    private static partial Regex AccountSegment();
}
