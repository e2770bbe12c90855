using System.Globalization;
using DataPrepWorkflows.Events.Patterns;
using DataPrepWorkflows.Events.S3;

namespace DataPrepWorkflows.Benchmarks.Events;

/// <summary>
/// Workload for the events suite: S3 <c>Object Created</c> events of about 1 KB and trigger rules as teams write
/// them — each rule names its bucket, plus one condition on the key or size drawn from a mix of exact, prefix,
/// suffix, numeric, anything-but and wildcard.
/// </summary>
internal static class S3RuleMix
{
    public const int Buckets = 1000;

    private static readonly string[] Datasets = ["sales", "clicks", "labels", "features", "images", "audit"];
    private static readonly string[] Extensions = [".csv", ".json", ".parquet", ".jsonl", ".png", ".gz"];

    public static string BucketName(int i) => "acme-ml-" + Datasets[i % Datasets.Length] + "-raw-eu-west-1-" + i.ToString("D4", CultureInfo.InvariantCulture);

    public static List<byte[]> Events(int count, int seed)
    {
        var random = new Random(seed);
        var factory = new S3EventFactory(TimeProvider.System, "111122223333", "eu-west-1") { Requester = "123456789012", SourceIpAddress = "203.0.113.17" };
        var events = new List<byte[]>(count);
        for (var i = 0; i < count; i++)
        {
            var bucket = random.Next(Buckets);
            var dataset = Datasets[bucket % Datasets.Length];
            var key = $"incoming/{dataset}/source=kinesis-firehose/stream=acme-ml-{dataset}-ingest-eu-west-1-prod/schema-version=2024-03-01/region=eu-west-1/year=2024/month={random.Next(1, 13):D2}/day={random.Next(1, 29):D2}/hour={random.Next(24):D2}/"
                + $"part-{random.Next(100000):D5}-{Guid.NewGuid()}-{Guid.NewGuid()}-{Guid.NewGuid()}-{Guid.NewGuid()}.c000.snappy{Extensions[random.Next(Extensions.Length)]}";
            var evt = factory.ObjectCreated(
                BucketName(bucket),
                key,
                random.Next(0, 50_000_000),
                Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + "-" + random.Next(1, 20).ToString(CultureInfo.InvariantCulture),
                S3EventReasons.CompleteMultipartUpload,
                versionId: Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('/', '.').Replace('+', '_'));
            events.Add(evt.ToUtf8Json());
        }

        return events;
    }

    public static List<(string RuleId, EventPattern Pattern)> Rules(int count, int seed)
    {
        var random = new Random(seed);
        var rules = new List<(string, EventPattern)>(count);
        for (var i = 0; i < count; i++)
        {
            var bucket = count == 1 ? 0 : random.Next(Buckets);
            var dataset = Datasets[bucket % Datasets.Length];
            var condition = (i % 6) switch
            {
                0 => $$$"""{"key":["incoming/{{{dataset}}}/manifest-{{{i}}}.json"]}""",
                1 => $$$"""{"key":[{"prefix":"incoming/{{{dataset}}}/source=kinesis-firehose/stream=acme-ml-{{{dataset}}}-ingest-eu-west-1-prod/schema-version=2024-03-01/region=eu-west-1/year=2024/month={{{random.Next(1, 13):D2}}}/"}]}""",
                2 => $$$"""{"key":[{"suffix":"{{{Extensions[random.Next(Extensions.Length)]}}}"}]}""",
                3 => $$$"""{"size":[{"numeric":[">",{{{random.Next(0, 1000)}}},"<=",{{{random.Next(1_000_000, 50_000_000)}}}]}]}""",
                4 => $$$"""{"key":[{"anything-but":{"prefix":"incoming/{{{dataset}}}/tmp/"}}]}""",
                _ => $$$"""{"key":[{"wildcard":"incoming/{{{dataset}}}/*/day={{{random.Next(1, 29):D2}}}/*.parquet"}]}""",
            };
            var json = $$$"""{"source":["aws.s3"],"detail-type":["Object Created"],"detail":{"bucket":{"name":["{{{BucketName(bucket)}}}"]},"object":{{{condition}}}}}""";
            var parsed = EventPattern.Parse(json);
            rules.Add(("rule-" + i.ToString(CultureInfo.InvariantCulture), parsed.Pattern ?? throw new InvalidOperationException(parsed.Error!.Message)));
        }

        return rules;
    }
}
