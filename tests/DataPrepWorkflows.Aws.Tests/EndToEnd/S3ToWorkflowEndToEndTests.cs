using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using DataPrepWorkflows.Aws.EventBridge.Deployment;
using DataPrepWorkflows.Aws.Sources;
using DataPrepWorkflows.Aws.Sqs;
using DataPrepWorkflows.Aws.Tests.Support;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Engine.Expressions;
using DataPrepWorkflows.Events.Triggers;
using DataPrepWorkflows.Persistence;
using DataPrepWorkflows.Runtime;
using DataPrepWorkflows.Runtime.Events;
using DataPrepWorkflows.Testing.MotoServer;

namespace DataPrepWorkflows.Aws.Tests.EndToEnd;

/// <summary>
/// The AWS path end to end over real HTTP: S3 (EventBridge notifications on) → the rule <c>events deploy</c> plans →
/// SQS → <see cref="SqsEventSource"/> → the runtime's ingestion over a SQLite store → a runtime node runs the workflow.
/// </summary>
[Collection(MotoServerCollection.Name)]
public sealed class S3ToWorkflowEndToEndTests(MotoServerFixture moto) : IAsyncLifetime
{
    private const string Trigger = """{"type": "S3ObjectCreated", "bucket": "BUCKET", "keyPrefix": "incoming/"}""";
    private static readonly ActivityRegistry Registry = ActivityRegistry.WithBuiltIns(typeof(S3ObjectCreatedTrigger).Assembly);
    private readonly MotoAws _aws = new(moto);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dpw-e2e-" + Guid.NewGuid().ToString("N"));
    private readonly string _bucket = MotoAws.UniqueName("raw");
    private readonly string _workflowId = MotoAws.UniqueName("landing");
    private IRuntimeStore _store = null!;
    private AmazonS3Client _s3 = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _store = await RuntimeStore.OpenAsync(new PersistenceOptions { SqlitePath = Path.Combine(_folder, "runtime.db") }, TimeProvider.System, CancellationToken.None);
        _s3 = new AmazonS3Client(
            new BasicAWSCredentials(MotoServerFixture.AccessKeyId, MotoServerFixture.SecretAccessKey),
            new AmazonS3Config
            {
                ServiceURL = moto.ServiceUrl,
                AuthenticationRegion = MotoServerFixture.Region,
                ForcePathStyle = true,
                RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
                ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            });
    }

    [Fact]
    public async Task A_file_put_in_the_bucket_runs_its_workflow_once_a_redelivery_starts_nothing_and_a_poison_message_goes_to_the_DLQ()
    {
        // The account: a bucket that sends its events to EventBridge, the queue the rules deliver to and its DLQ.
        await _s3.PutBucketAsync(new PutBucketRequest { BucketName = _bucket });
        await _s3.PutBucketNotificationAsync(new PutBucketNotificationRequest { BucketName = _bucket, EventBridgeConfiguration = new EventBridgeConfiguration() });
        var queue = await _aws.Sqs.CreateQueueAsync(new CreateQueueRequest(MotoAws.UniqueName("events")));
        var deadLetters = await _aws.Sqs.CreateQueueAsync(new CreateQueueRequest(MotoAws.UniqueName("events-dlq")));
        var queueArn = (await _aws.Sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest(queue, ["QueueArn"])))["QueueArn"];

        // The workflow, published to the runtime, and its rule deployed as `events deploy --apply` deploys it.
        var trigger = Trigger.Replace("BUCKET", _bucket, StringComparison.Ordinal);
        await PublishAsync(trigger);
        var plan = new RuleDeploymentPlanner(CompiledTriggerPatterns.Chain).Plan([("landing.json", Definition(trigger))], queueArn);
        Assert.Empty(plan.Problems);
        var deployed = Assert.Single(await RuleDeployer.ApplyAsync(_aws.Events, plan));
        Assert.Equal(RuleNames.For(_workflowId, 1), deployed.Name);

        var sink = new IngestingSink(new EventIngestor(_store, TimeProvider.System));
        using var stop = new CancellationTokenSource();
        var poller = new SqsEventSource(_aws.Sqs, sink, new SqsEventSourceOptions
        {
            QueueUrls = [queue],
            DeadLetterQueueUrl = deadLetters,
            WaitTimeSeconds = 1,
            ReceiversPerQueue = 1,
        }).RunAsync(stop.Token);

        // A file lands: S3 → EventBridge → the rule → SQS → the poller → one start.
        await _s3.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = "incoming/loans.csv", ContentBody = "id,amount\n1,5\n" });
        var first = await sink.NextResultAsync();
        var start = Assert.Single(first.Starts);
        Assert.Equal((_workflowId, IngestOutcome.Started), (start.WorkflowId, start.Outcome));
        var work = Assert.Single(await _store.Work.ListForInstanceAsync(start.InstanceId!, CancellationToken.None));
        var triggerEvent = JsonNode.Parse(work.PayloadJson!)!["trigger"]!;
        Assert.Equal(first.EventId, triggerEvent["id"]!.GetValue<string>());
        Assert.Equal("Object Created", triggerEvent["detail-type"]!.GetValue<string>());
        Assert.Equal("incoming/loans.csv", triggerEvent["detail"]!["object"]!["key"]!.GetValue<string>());

        // The same event delivered again starts nothing.
        await _aws.Sqs.SendMessageAsync(new SendMessageRequest(queue, sink.Received.Single().ToJson()));
        Assert.True((await sink.NextResultAsync()).Duplicate);

        // A message that is not an event never reaches the runtime: it goes to the dead-letter queue with the reason.
        await _aws.Sqs.SendMessageAsync(new SendMessageRequest(queue, "not an event"));
        var poison = await ReceiveOneAsync(deadLetters);
        Assert.Equal("not an event", poison.Body);
        Assert.True(poison.MessageAttributes?.ContainsKey("dataprep.reason"), "the dead-lettered message names its reason");

        await stop.CancelAsync();
        await poller.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, sink.Received.Count);

        // The node runs what was started: exactly one instance, finished.
        await using (var node = new RuntimeHost(_store, Registry, new JintExpressionEngine(), new RuntimeOptions { NodeId = "e2e" }, new WorkflowEngineOptions { TimeProvider = TimeProvider.System }))
        {
            await node.RunUntilIdleAsync(CancellationToken.None);
        }

        var instances = await _store.Instances.ListAsync(new InstanceQuery { WorkflowId = _workflowId }, CancellationToken.None);
        var instance = Assert.Single(instances.Items);
        Assert.Equal(start.InstanceId, instance.InstanceId);
        Assert.Equal(WorkflowStatus.Finished, instance.Status);
    }

    public async Task DisposeAsync()
    {
        _s3.Dispose();
        _aws.Dispose();
        await _store.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // The database file may still be mapped for a moment; the system cleans temporary folders later.
        }
    }

    private WorkflowDefinition Definition(string trigger)
    {
        var inputs = JsonNode.Parse(trigger)!.AsObject().Where(p => p.Key != "type").Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())).ToList();
        return new WorkflowDefinition { Id = _workflowId, Version = 1, Name = _workflowId, Triggers = [new TriggerDefinition(EventTriggerTypes.S3ObjectCreated, inputs)] };
    }

    private async Task PublishAsync(string trigger)
    {
        var json = new JsonObject
        {
            ["id"] = _workflowId,
            ["version"] = 1,
            ["name"] = _workflowId,
            ["description"] = "Starts when a file lands in incoming/.",
            ["triggers"] = new JsonArray(JsonNode.Parse(trigger)),
            ["activities"] = JsonNode.Parse("""[{"id": "say", "type": "Log", "inputs": {"message": "=String(trigger.detail.object.key)"}}]"""),
        };
        var draft = await _store.Definitions.SaveDraftAsync(_workflowId, _workflowId, json.ToJsonString(), null, "test", CancellationToken.None);
        await using var node = new RuntimeHost(_store, Registry, new JintExpressionEngine(), new RuntimeOptions { NodeId = "publisher" }, new WorkflowEngineOptions { TimeProvider = TimeProvider.System });
        await node.PublishAsync(_workflowId, draft.Version, CancellationToken.None);
    }

    private async Task<SqsMessage> ReceiveOneAsync(string queue)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var messages = await _aws.Sqs.ReceiveMessageAsync(new ReceiveMessageRequest(queue) { WaitTimeSeconds = 1, MessageAttributeNames = ["All"] }, timeout.Token);
            if (messages.Count > 0)
            {
                return Assert.Single(messages);
            }
        }
    }
}
