using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;
using DataPrepWorkflows.Storage;

namespace DataPrepWorkflows.Activities.Crawl;

/// <summary>One S3 target of a crawl, as Glue's <c>S3Target</c>: a path, exclusion globs and a sample size.</summary>
/// <param name="Path">The folder crawled; always ends with <c>/</c> (or is a bucket).</param>
/// <param name="Exclusions">Globs matched against keys relative to <paramref name="Path"/>.</param>
/// <param name="SampleSize">Files per folder read for schema inference; <see langword="null"/> reads every file.</param>
internal sealed record CrawlTarget(S3Uri Path, IReadOnlyList<ExclusionGlob> Exclusions, int? SampleSize)
{
    /// <summary>Glue's upper bound for <c>SampleSize</c>.</summary>
    public const int MaxSampleSize = 249;

    /// <summary>Whether a key below the target is excluded.</summary>
    public bool IsExcluded(string relativeKey) => Exclusions.Any(e => e.Matches(relativeKey));

    /// <summary>Reads the <c>targets</c> input: an array of <c>{path, exclusions, sampleSize}</c> (or of plain path strings).</summary>
    /// <exception cref="ActivityFaultException"><see cref="CrawlErrors.InvalidInput"/> naming the element and field.</exception>
    public static IReadOnlyList<CrawlTarget> Parse(JsonArray? targets)
    {
        if (targets is null || targets.Count == 0)
        {
            throw Invalid("targets: give at least one S3 target, e.g. [{\"path\": \"s3://raw/loans/\"}].");
        }

        var result = new List<CrawlTarget>(targets.Count);
        for (var i = 0; i < targets.Count; i++)
        {
            var at = $"targets[{i}]";
            var node = targets[i];
            var pathText = node switch
            {
                JsonValue value when value.TryGetValue<string>(out var s) => s,
                JsonObject o => (o["path"] ?? o["Path"]) is JsonValue p && p.TryGetValue<string>(out var s) ? s : null,
                _ => null,
            } ?? throw Invalid($"{at}.path is required: write the folder to crawl as s3://bucket/prefix/.");
            if (!S3Uri.TryParse(pathText, out var uri, out var uriError))
            {
                throw Invalid($"{at}.path: {uriError.Message}");
            }

            if (uri.Key.Length > 0 && !uri.Key.EndsWith('/'))
            {
                uri = S3Uri.Create(uri.Bucket, uri.Key + "/");
            }

            var obj = node as JsonObject;
            result.Add(new CrawlTarget(uri, ParseExclusions(obj?["exclusions"] ?? obj?["Exclusions"], at), ParseSample(obj?["sampleSize"] ?? obj?["SampleSize"], at)));
        }

        return result;
    }

    private static List<ExclusionGlob> ParseExclusions(JsonNode? node, string at)
    {
        if (node is null)
        {
            return [];
        }

        if (node is not JsonArray array)
        {
            throw Invalid($"{at}.exclusions must be an array of glob strings such as [\"**/_tmp/**\", \"*.bak\"].");
        }

        var globs = new List<ExclusionGlob>(array.Count);
        for (var j = 0; j < array.Count; j++)
        {
            var text = array[j] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            var glob = text is null ? null : ExclusionGlob.TryParse(text, out var error)
                ?? throw Invalid($"{at}.exclusions[{j}]: {error}");
            globs.Add(glob ?? throw Invalid($"{at}.exclusions[{j}] must be a string."));
        }

        return globs;
    }

    private static int? ParseSample(JsonNode? node, string at)
    {
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue { } v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number
            && double.TryParse(v.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d)
            && d % 1 == 0 && d is >= 1 and <= MaxSampleSize)
        {
            return (int)d;
        }

        throw Invalid($"{at}.sampleSize must be a whole number from 1 to {MaxSampleSize} (files read per folder), got {node.ToJsonString()}.");
    }

    private static ActivityFaultException Invalid(string message) => new(CrawlErrors.InvalidInput, message);
}
