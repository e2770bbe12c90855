using System.Text;
using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Events.Triggers;

/// <summary>
/// The EventBridge pattern of an S3 trigger, as the S3 user guide writes it: <c>source</c> <c>aws.s3</c>, the
/// detail-type, <c>detail.bucket.name</c>, and <c>detail.object.key</c> with a <c>prefix</c> or <c>suffix</c>. A
/// prefix and a suffix together must both hold, which EventBridge expresses only as a <c>wildcard</c>
/// (<c>incoming/*.csv</c>); two values in the key's list would be OR-ed.
/// </summary>
internal static class S3PatternBuilder
{
    public static JsonObject? Build(string detailType, Dictionary<string, JsonNode?> values, List<TriggerProblem> problems)
    {
        var before = problems.Count;
        var bucket = ReadString(values, "bucket", required: true, problems);
        var prefix = ReadString(values, "keyPrefix", required: false, problems);
        var suffix = ReadString(values, "keySuffix", required: false, problems);
        if (bucket is not null && TriggerCompiler.ExplainBucket(bucket) is { } why)
        {
            problems.Add(new TriggerProblem(TriggerProblemKind.InvalidBucketName, "bucket", $"The trigger's {why}. Use the bucket's name only (no s3:// and no key), as S3 names it."));
        }

        var detail = new JsonObject();
        if (values.TryGetValue("detail", out var filters))
        {
            if (filters is JsonObject o)
            {
                detail = (JsonObject)o.DeepClone();
                if (detail.ContainsKey("bucket"))
                {
                    problems.Add(new TriggerProblem(TriggerProblemKind.ConflictingInputs, "detail/bucket", "The trigger names its bucket twice: in 'bucket' and in 'detail.bucket'; keep only 'bucket'."));
                }

                if (detail["object"] is JsonObject obj && obj.ContainsKey("key") && (prefix is not null || suffix is not null))
                {
                    problems.Add(new TriggerProblem(TriggerProblemKind.ConflictingInputs, "detail/object/key", "The trigger filters the key twice: in 'keyPrefix'/'keySuffix' and in 'detail.object.key'; use one or the other."));
                }
            }
            else
            {
                problems.Add(new TriggerProblem(TriggerProblemKind.InvalidPattern, "detail", "The trigger's 'detail' must be an object of extra EventBridge filters on the event's detail, such as {\"reason\": [\"PutObject\"]}."));
            }
        }

        if (problems.Count > before || bucket is null)
        {
            return null;
        }

        detail["bucket"] = new JsonObject { ["name"] = new JsonArray(bucket) };
        var key = KeyCondition(prefix, suffix);
        if (key is not null)
        {
            if (detail["object"] is not JsonObject objectFilters)
            {
                objectFilters = new JsonObject();
                detail["object"] = objectFilters;
            }

            objectFilters["key"] = new JsonArray(key);
        }

        return new JsonObject
        {
            ["source"] = new JsonArray("aws.s3"),
            ["detail-type"] = new JsonArray(detailType),
            ["detail"] = detail,
        };
    }

    private static JsonObject? KeyCondition(string? prefix, string? suffix) => (prefix, suffix) switch
    {
        (null, null) => null,
        ({ } p, null) => new JsonObject { ["prefix"] = p },
        (null, { } s) => new JsonObject { ["suffix"] = s },
        ({ } p, { } s) => new JsonObject { ["wildcard"] = EscapeWildcard(p) + "*" + EscapeWildcard(s) },
    };

    /// <summary>Escapes a literal for a wildcard: <c>*</c> and <c>\</c> are written <c>\*</c> and <c>\\</c>.</summary>
    internal static string EscapeWildcard(string literal)
    {
        var text = new StringBuilder(literal.Length);
        foreach (var c in literal)
        {
            if (c is '*' or '\\')
            {
                text.Append('\\');
            }

            text.Append(c);
        }

        return text.ToString();
    }

    private static string? ReadString(Dictionary<string, JsonNode?> values, string name, bool required, List<TriggerProblem> problems)
    {
        if (!values.TryGetValue(name, out var node))
        {
            if (required)
            {
                problems.Add(new TriggerProblem(TriggerProblemKind.InvalidInput, name, $"The trigger needs '{name}'."));
            }

            return null;
        }

        if (TriggerCompiler.TryString(node, out var text))
        {
            return text;
        }

        problems.Add(new TriggerProblem(TriggerProblemKind.InvalidInput, name, $"The trigger's '{name}' must be a string."));
        return null;
    }
}
