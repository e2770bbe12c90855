using System.Text;
using System.Text.Json;
using DataPrepWorkflows.Aws.Sources;
using DataPrepWorkflows.Aws.Sqs;
using DataPrepWorkflows.Aws.Tests.Support;
using DataPrepWorkflows.Events.S3;
using DataPrepWorkflows.Testing.MotoServer;

namespace DataPrepWorkflows.Aws.Tests.Sources;

[Collection(MotoServerCollection.Name)]
public sealed class SqsEventSourceTests(MotoServerFixture moto) : IDisposable
{
    private readonly MotoAws _aws = new(moto);
    private readonly ManualTimeProvider _clock = new();

    [Theory]
    [InlineData(EventAcceptance.Accepted)]
    [InlineData(EventAcceptance.Duplicate)]
    public async Task An_event_the_sink_accepts_or_knows_is_deleted(EventAcceptance answer)
    {
        var queue = await CreateQueueAsync("accept");
        var sent = await SendEventAsync(queue, "incoming/a.csv");
        var sink = new RecordingSink(answer);

        await using (var running = Start(sink, Options(queue)))
        {
            var (evt, source) = await sink.NextCallAsync();
            Assert.Equal("Object Created", evt.DetailType);
            Assert.Equal("incoming/a.csv", evt.Detail.GetProperty("object").GetProperty("key").GetString());
            Assert.Equal(new EventSourceInfo("sqs", queue, sent, 1), source);
            await _aws.Recorder.WaitForAsync("DeleteMessage");
        }

        await AssertQueueEmptyAsync(queue);
        _aws.AssertRequestsMatchModels();
    }

    [Fact]
    public async Task A_failing_sink_leaves_the_message_hidden_with_back_off_and_nothing_is_deleted()
    {
        var queue = await CreateQueueAsync("fail");
        await SendEventAsync(queue, "a.csv");
        var sink = new RecordingSink((_, _) => throw new InvalidOperationException("store down"));

        await using (var running = Start(sink, Options(queue) with { RedeliveryBackoffBase = TimeSpan.FromSeconds(7) }))
        {
            await sink.NextCallAsync();
            await _aws.Recorder.WaitForAsync("ChangeMessageVisibility");
        }

        Assert.Equal(0, _aws.Recorder.Count("DeleteMessage"));
        Assert.Equal(7, Body(_aws.Recorder.Requests.Single(r => r.Operation == "ChangeMessageVisibility")).GetProperty("VisibilityTimeout").GetInt32());
        var attributes = await _aws.Sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest(queue, ["ApproximateNumberOfMessagesNotVisible"]));
        Assert.Equal("1", attributes["ApproximateNumberOfMessagesNotVisible"]);
        _aws.AssertRequestsMatchModels();
    }

    [Fact]
    public async Task A_message_delivered_more_than_the_allowed_times_goes_to_the_dead_letter_queue_with_the_reason()
    {
        var queue = await CreateQueueAsync("poison");
        var deadLetters = await CreateQueueAsync("dlq");
        await SendEventAsync(queue, "a.csv");
        var sink = new RecordingSink(EventAcceptance.Retry);

        // No back-off, so SQS delivers again at once: deliveries 1 and 2 reach the sink, the third is dead-lettered.
        var options = Options(queue) with { DeadLetterQueueUrl = deadLetters, MaxReceiveCount = 2, RedeliveryBackoffBase = TimeSpan.Zero };
        await using (var running = Start(sink, options))
        {
            Assert.Equal(1, (await sink.NextCallAsync()).Source.DeliveryCount);
            Assert.Equal(2, (await sink.NextCallAsync()).Source.DeliveryCount);
            await _aws.Recorder.WaitForAsync("DeleteMessage");
        }

        var moved = Assert.Single(await ReceiveAsync(deadLetters));
        Assert.StartsWith("delivered 3 times", moved.MessageAttributes![DeadLetterAttributes.Reason].StringValue, StringComparison.Ordinal);
        Assert.Equal(queue, moved.MessageAttributes[DeadLetterAttributes.SourceQueue].StringValue);
        Assert.Equal(2, sink.Calls.Count);
        await AssertQueueEmptyAsync(queue);
        _aws.AssertRequestsMatchModels();
    }

    [Fact]
    public async Task A_message_that_is_not_an_event_goes_to_the_dead_letter_queue_without_reaching_the_sink()
    {
        var queue = await CreateQueueAsync("garbage");
        var deadLetters = await CreateQueueAsync("dlq");
        await _aws.Sqs.SendMessageAsync(new SendMessageRequest(queue, "hello, not JSON"));
        var sink = new RecordingSink(EventAcceptance.Accepted);

        await using (var running = Start(sink, Options(queue) with { DeadLetterQueueUrl = deadLetters }))
        {
            await _aws.Recorder.WaitForAsync("DeleteMessage");
        }

        var moved = Assert.Single(await ReceiveAsync(deadLetters));
        Assert.Equal("hello, not JSON", moved.Body);
        Assert.StartsWith("not an EventBridge event", moved.MessageAttributes![DeadLetterAttributes.Reason].StringValue, StringComparison.Ordinal);
        Assert.Empty(sink.Calls);
        await AssertQueueEmptyAsync(queue);
    }

    [Fact]
    public async Task While_the_sink_works_the_visibility_timeout_is_renewed_before_it_lapses()
    {
        var queue = await CreateQueueAsync("slow");
        await SendEventAsync(queue, "a.csv");
        var release = new TaskCompletionSource<EventAcceptance>(TaskCreationOptions.RunContinuationsAsynchronously);
        var sink = new RecordingSink((_, _) => release.Task);
        var options = Options(queue) with { VisibilityTimeout = TimeSpan.FromSeconds(30), VisibilityRenewalMargin = TimeSpan.FromSeconds(10) };

        await using (var running = Start(sink, options))
        {
            await sink.NextCallAsync();
            Assert.Equal(TimeSpan.FromSeconds(20), await _clock.NextScheduledAsync());
            _clock.Advance(TimeSpan.FromSeconds(20));
            await _aws.Recorder.WaitForAsync("ChangeMessageVisibility");
            Assert.Equal(TimeSpan.FromSeconds(20), await _clock.NextScheduledAsync());
            _clock.Advance(TimeSpan.FromSeconds(20));
            await _aws.Recorder.WaitForAsync("ChangeMessageVisibility", 2);
            Assert.Equal(0, _aws.Recorder.Count("DeleteMessage"));

            release.SetResult(EventAcceptance.Accepted);
            await _aws.Recorder.WaitForAsync("DeleteMessage");
        }

        Assert.All(_aws.Recorder.Requests.Where(r => r.Operation == "ChangeMessageVisibility"), r => Assert.Equal(30, Body(r).GetProperty("VisibilityTimeout").GetInt32()));
        await AssertQueueEmptyAsync(queue);
        _aws.AssertRequestsMatchModels();
    }

    [Fact]
    public async Task Errors_talking_to_SQS_back_off_exponentially_capped_and_jittered_and_never_end_the_poller()
    {
        var missing = moto.ServiceUrl + "/123456789012/" + MotoAws.UniqueName("missing");
        var options = Options(missing) with { ErrorBackoffBase = TimeSpan.FromSeconds(1), ErrorBackoffMax = TimeSpan.FromSeconds(4) };
        var sink = new RecordingSink(EventAcceptance.Accepted);

        await using (var running = Start(sink, options))
        {
            var expected = new[] { 1.0, 2.0, 4.0, 4.0 };
            for (var failure = 0; failure < expected.Length; failure++)
            {
                var delay = await _clock.NextScheduledAsync();
                Assert.Equal(failure + 1, _aws.Recorder.Count("ReceiveMessage"));
                Assert.InRange(delay.TotalSeconds, expected[failure] / 2, expected[failure]);
                _clock.Advance(delay);
            }

            await _aws.Recorder.WaitForAsync("ReceiveMessage", expected.Length + 1);
            Assert.False(running.Completed);
        }

        Assert.Empty(sink.Calls);
    }

    [Fact]
    public async Task A_graceful_stop_waits_for_the_message_in_flight_and_still_deletes_it()
    {
        var queue = await CreateQueueAsync("stop");
        await SendEventAsync(queue, "a.csv");
        var release = new TaskCompletionSource<EventAcceptance>(TaskCreationOptions.RunContinuationsAsynchronously);
        var sink = new RecordingSink((_, _) => release.Task);
        var running = Start(sink, Options(queue));

        await sink.NextCallAsync();
        await running.Stop.CancelAsync();
        Assert.False(running.Completed);

        release.SetResult(EventAcceptance.Accepted);
        await running.DisposeAsync();

        Assert.Equal(1, _aws.Recorder.Count("DeleteMessage"));
        await AssertQueueEmptyAsync(queue);
    }

    [Fact]
    public async Task Several_queues_are_polled_and_each_event_names_its_queue()
    {
        var first = await CreateQueueAsync("one");
        var second = await CreateQueueAsync("two");
        await SendEventAsync(first, "1.csv");
        await SendEventAsync(second, "2.csv");
        var sink = new RecordingSink(EventAcceptance.Accepted);

        await using (var running = Start(sink, Options(first) with { QueueUrls = [first, second] }))
        {
            var calls = new[] { await sink.NextCallAsync(), await sink.NextCallAsync() };
            Assert.Equal(
                [(first, "1.csv"), (second, "2.csv")],
                calls.Select(c => (c.Source.Address, c.Event.Detail.GetProperty("object").GetProperty("key").GetString())).Order());
            await _aws.Recorder.WaitForAsync("DeleteMessage", 2);
        }

        await AssertQueueEmptyAsync(first);
        await AssertQueueEmptyAsync(second);
    }

    [Fact]
    public void Invalid_options_are_refused_with_every_problem_named()
    {
        var error = Assert.Throws<ArgumentException>(() => new SqsEventSource(
            _aws.Sqs,
            new RecordingSink(EventAcceptance.Accepted),
            new SqsEventSourceOptions { QueueUrls = [], WaitTimeSeconds = 21, VisibilityRenewalMargin = TimeSpan.FromMinutes(5) }));

        Assert.Contains("QueueUrls", error.Message, StringComparison.Ordinal);
        Assert.Contains("WaitTimeSeconds", error.Message, StringComparison.Ordinal);
        Assert.Contains("VisibilityRenewalMargin", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _aws.Dispose();

    private static SqsEventSourceOptions Options(string queue) => new()
    {
        QueueUrls = [queue],
        WaitTimeSeconds = 1,
        ReceiversPerQueue = 1,
    };

    private static JsonElement Body(RecordedRequest request) => JsonDocument.Parse(Encoding.UTF8.GetString(request.Body)).RootElement;

    private RunningSource Start(RecordingSink sink, SqsEventSourceOptions options)
    {
        var stop = new CancellationTokenSource();
        var source = new SqsEventSource(_aws.Sqs, sink, options, _clock);
        return new RunningSource(source.RunAsync(stop.Token), stop);
    }

    private Task<string> CreateQueueAsync(string prefix) => _aws.Sqs.CreateQueueAsync(new CreateQueueRequest(MotoAws.UniqueName(prefix)));

    private async Task<string> SendEventAsync(string queue, string key)
    {
        var evt = new S3EventFactory(TimeProvider.System, "123456789012").ObjectCreated("raw", key, 5, "b1946ac92492d2347c6235b4d2611184");
        return (await _aws.Sqs.SendMessageAsync(new SendMessageRequest(queue, evt.ToJson()))).MessageId;
    }

    private async Task<IReadOnlyList<SqsMessage>> ReceiveAsync(string queue) =>
        await _aws.Sqs.ReceiveMessageAsync(new ReceiveMessageRequest(queue) { WaitTimeSeconds = 1, MessageAttributeNames = ["All"] });

    private async Task AssertQueueEmptyAsync(string queue)
    {
        var attributes = await _aws.Sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest(queue, ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]));
        Assert.Equal("0", attributes["ApproximateNumberOfMessages"]);
        Assert.Equal("0", attributes["ApproximateNumberOfMessagesNotVisible"]);
    }

    /// <summary>A running poller; disposing it stops it gracefully and waits, failing the test if it faulted.</summary>
    private sealed class RunningSource(Task run, CancellationTokenSource stop) : IAsyncDisposable
    {
        public CancellationTokenSource Stop => stop;

        public bool Completed => run.IsCompleted;

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await run.WaitAsync(TimeSpan.FromSeconds(30));
            stop.Dispose();
        }
    }
}
