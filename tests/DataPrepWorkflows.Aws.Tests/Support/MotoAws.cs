using DataPrepWorkflows.Aws.EventBridge;
using DataPrepWorkflows.Aws.Protocol;
using DataPrepWorkflows.Aws.Sqs;
using DataPrepWorkflows.Testing.MotoServer;

namespace DataPrepWorkflows.Aws.Tests.Support;

/// <summary>Clients pointed at the shared moto_server, every request recorded for the model checks.</summary>
internal sealed class MotoAws : IDisposable
{
    private static readonly Lazy<BotocoreModel> SqsModelLazy = new(() => BotocoreModel.Load("sqs"));
    private static readonly Lazy<BotocoreModel> EventsModelLazy = new(() => BotocoreModel.Load("events"));
    private readonly HttpClient _http;

    public MotoAws(MotoServerFixture moto)
    {
        Options = new AwsClientOptions
        {
            ServiceUrl = moto.ServiceUrl,
            Region = MotoServerFixture.Region,
            AccessKeyId = MotoServerFixture.AccessKeyId,
            SecretAccessKey = MotoServerFixture.SecretAccessKey,
        };
        _http = new HttpClient(Recorder) { Timeout = TimeSpan.FromSeconds(60) };
        Sqs = new SqsClient(Options, _http);
        Events = new EventBridgeClient(Options, _http);
    }

    public static BotocoreModel SqsModel => SqsModelLazy.Value;

    public static BotocoreModel EventsModel => EventsModelLazy.Value;

    public AwsClientOptions Options { get; }

    public RecordingHandler Recorder { get; } = new();

    public SqsClient Sqs { get; }

    public EventBridgeClient Events { get; }

    /// <summary>Unique names keep tests that share one moto_server apart.</summary>
    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 80)];

    /// <summary>Fails with every departure from botocore's models among the requests sent so far.</summary>
    public void AssertRequestsMatchModels()
    {
        Assert.NotEmpty(Recorder.Requests);
        var problems = Recorder.Requests
            .SelectMany(r => (r.Target.StartsWith("AmazonSQS.", StringComparison.Ordinal) ? SqsModel : EventsModel).Problems(r))
            .ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    public async Task<string> QueueArnAsync(string queueUrl) =>
        (await Sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest(queueUrl, ["QueueArn"])))["QueueArn"];

    public void Dispose()
    {
        Sqs.Dispose();
        Events.Dispose();
        _http.Dispose();
        Recorder.Dispose();
    }
}
