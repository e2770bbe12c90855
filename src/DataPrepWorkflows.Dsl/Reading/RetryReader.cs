using System.Text.Json.Nodes;
using DataPrepWorkflows.Dsl.Diagnostics;
using DataPrepWorkflows.Engine.Definitions;

namespace DataPrepWorkflows.Dsl.Reading;

/// <summary>Reads Step Functions style <c>retry</c> and <c>catch</c> entries; shape errors are DPW016/DPW017.</summary>
internal static class RetryReader
{
    private static readonly string[] RetrierKeys = ["errorEquals", "intervalSeconds", "maxAttempts", "backoffRate", "maxDelaySeconds", "jitterStrategy"];
    private static readonly string[] CatcherKeys = ["errorEquals", "next"];

    public static Retrier? Read(JsonNode? node, string path, string who, List<Diagnostic> diagnostics)
    {
        void Fail(string at, string message) =>
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.MalformedRetry, message, at));

        if (node is not JsonObject o)
        {
            Fail(path, $"A retry entry of {who} must be an object such as {{\"errorEquals\": [\"States.ALL\"], \"maxAttempts\": 3}}; found {JsonShape.Describe(node)}.");
            return null;
        }

        int Integer(string key, int fallback)
        {
            if (!o.TryGetPropertyValue(key, out var value) || value is null)
            {
                return fallback;
            }

            if (JsonShape.TryInteger(value, out var number) && number is >= int.MinValue and <= int.MaxValue)
            {
                return (int)number;
            }

            Fail($"{path}/{key}", $"'{key}' in a retry entry of {who} must be an integer; found {JsonShape.Describe(value)}.");
            return fallback;
        }

        var backoff = 2.0;
        if (o["backoffRate"] is { } backoffNode && !JsonShape.TryNumber(backoffNode, out backoff))
        {
            Fail(path + "/backoffRate", $"'backoffRate' in a retry entry of {who} must be a number of at least 1.0; found {JsonShape.Describe(backoffNode)}.");
            backoff = 2.0;
        }

        var jitter = JitterStrategy.None;
        if (o["jitterStrategy"] is { } jitterNode)
        {
            if (JsonShape.TryString(jitterNode, out var jitterText) && jitterText is "FULL" or "NONE")
            {
                jitter = jitterText == "FULL" ? JitterStrategy.Full : JitterStrategy.None;
            }
            else
            {
                Fail(path + "/jitterStrategy", $"'jitterStrategy' in a retry entry of {who} must be \"FULL\" or \"NONE\"; found {jitterNode.ToJsonString()}.");
            }
        }

        int? maxDelay = o["maxDelaySeconds"] is null ? null : Integer("maxDelaySeconds", 0);
        return new Retrier(ErrorEquals(o, path, who, "retry", DiagnosticCodes.MalformedRetry, diagnostics), Integer("intervalSeconds", 1), Integer("maxAttempts", 3), backoff, maxDelay, jitter)
        {
            Unknown = Unknown(o, RetrierKeys),
        };
    }

    public static Catcher? ReadCatcher(JsonNode? node, string path, string who, List<Diagnostic> diagnostics)
    {
        if (node is not JsonObject o)
        {
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.MalformedCatch, $"A catch entry of {who} must be an object such as {{\"errorEquals\": [\"States.ALL\"], \"next\": \"handle-error\"}}; found {JsonShape.Describe(node)}.", path));
            return null;
        }

        var next = "";
        if (o["next"] is { } nextNode && !JsonShape.TryString(nextNode, out next))
        {
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.MalformedCatch, $"'next' in a catch entry of {who} must be one activity id; found {JsonShape.Describe(nextNode)}.", path + "/next"));
        }

        return new Catcher(ErrorEquals(o, path, who, "catch", DiagnosticCodes.MalformedCatch, diagnostics), next)
        {
            Unknown = Unknown(o, CatcherKeys),
        };
    }

    private static List<string> ErrorEquals(JsonObject o, string path, string who, string kind, string code, List<Diagnostic> diagnostics)
    {
        var node = o["errorEquals"];
        if (node is null)
        {
            return [];
        }

        if (node is JsonArray array && array.All(e => JsonShape.TryString(e, out _)))
        {
            return array.Select(e => e!.GetValue<string>()).ToList();
        }

        diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, code, $"'errorEquals' in a {kind} entry of {who} must be an array of error names such as [\"States.Timeout\"]; found {JsonShape.Describe(node)}.", path + "/errorEquals"));
        return [];
    }

    private static JsonObject? Unknown(JsonObject o, string[] known)
    {
        var unknown = o.Where(p => !known.Contains(p.Key, StringComparer.Ordinal)).ToList();
        return unknown.Count == 0 ? null : new JsonObject(unknown.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
    }
}
