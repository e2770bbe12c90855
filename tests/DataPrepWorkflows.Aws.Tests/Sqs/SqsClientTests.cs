using DataPrepWorkflows.Aws.Protocol;
using DataPrepWorkflows.Aws.Sqs;
using DataPrepWorkflows.Aws.Tests.Support;
using DataPrepWorkflows.Testing.MotoServer;

namespace DataPrepWorkflows.Aws.Tests.Sqs;

[Collection(MotoServerCollection.Name)]
public sealed class SqsClientTests(MotoServerFixture moto) : IDisposable
{
    private readonly MotoAws _aws = new(moto);

    [Fact]
    public async Task Every_operation_works_against_moto_and_every_request_matches_botocores_model()
    {
        var sqs = _aws.Sqs;
        var name = MotoAws.UniqueName("ops");
        var url = await sqs.CreateQueueAsync(new CreateQueueRequest(name)
        {
            Attributes = new Dictionary<string, string> { ["VisibilityTimeout"] = "45" },
            Tags = new Dictionary<string, string> { ["team"] = "data" },
        });
        Assert.Equal(url, await sqs.GetQueueUrlAsync(new GetQueueUrlRequest(name)));

        await sqs.SetQueueAttributesAsync(new SetQueueAttributesRequest(url, new Dictionary<string, string> { ["DelaySeconds"] = "0" }));
        var attributes = await sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest(url, ["All"]));
        Assert.Equal("45", attributes["VisibilityTimeout"]);
        Assert.EndsWith(":" + name, attributes["QueueArn"], StringComparison.Ordinal);

        var sent = await sqs.SendMessageAsync(new SendMessageRequest(url, "first")
        {
            MessageAttributes = new Dictionary<string, SqsMessageAttributeValue> { ["kind"] = SqsMessageAttributeValue.String("test") },
        });
        Assert.False(string.IsNullOrEmpty(sent.MessageId));
        var batch = await sqs.SendMessageBatchAsync(new SendMessageBatchRequest(url, [new("a", "second"), new("b", "third") { DelaySeconds = 0 }]));
        Assert.Equal(["a", "b"], batch.Successful.Select(s => s.Id).Order());
        Assert.Empty(batch.Failed);

        var received = await ReceiveAllAsync(url, expected: 3);
        Assert.Equal(["first", "second", "third"], received.Select(m => m.Body).Order());
        Assert.All(received, m => Assert.Equal(1, m.ApproximateReceiveCount));
        Assert.Equal("test", received.Single(m => m.Body == "first").MessageAttributes!["kind"].StringValue);

        var first = received.Single(m => m.Body == "first");
        await sqs.ChangeMessageVisibilityAsync(new ChangeMessageVisibilityRequest(url, first.ReceiptHandle, 0));
        await sqs.DeleteMessageAsync(new DeleteMessageRequest(url, received.Single(m => m.Body == "second").ReceiptHandle));
        var deleted = await sqs.DeleteMessageBatchAsync(new DeleteMessageBatchRequest(url, [new("t", received.Single(m => m.Body == "third").ReceiptHandle)]));
        Assert.Equal("t", Assert.Single(deleted.Successful).Id);

        var again = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest(url) { MessageSystemAttributeNames = [SqsSystemAttributes.ApproximateReceiveCount] });
        var redelivered = Assert.Single(again);
        Assert.Equal("first", redelivered.Body);
        Assert.Equal(2, redelivered.ApproximateReceiveCount);

        await sqs.PurgeQueueAsync(url);
        await sqs.DeleteQueueAsync(url);

        var operations = _aws.Recorder.Requests.Select(r => r.Operation).ToHashSet();
        Assert.Superset(operations, new HashSet<string>
        {
            "CreateQueue", "GetQueueUrl", "GetQueueAttributes", "SetQueueAttributes", "SendMessage", "SendMessageBatch",
            "ReceiveMessage", "DeleteMessage", "DeleteMessageBatch", "ChangeMessageVisibility", "DeleteQueue", "PurgeQueue",
        });
        _aws.AssertRequestsMatchModels();
    }

    [Fact]
    public async Task A_missing_queue_is_a_typed_error_with_AWS_code_and_message()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _aws.Sqs.GetQueueUrlAsync(new GetQueueUrlRequest(MotoAws.UniqueName("missing"))));

        Assert.Equal("QueueDoesNotExist", error.ErrorCode);
        Assert.Equal("SQS", error.Service);
        Assert.Equal("GetQueueUrl", error.Operation);
        Assert.True(error.IsClientError);
        Assert.False(string.IsNullOrWhiteSpace(error.ErrorMessage));
        _aws.AssertRequestsMatchModels();
    }

    [Fact]
    public async Task Long_polling_request_carries_wait_time_and_receive_count_attribute()
    {
        var url = await _aws.Sqs.CreateQueueAsync(new CreateQueueRequest(MotoAws.UniqueName("poll")));
        var messages = await _aws.Sqs.ReceiveMessageAsync(new ReceiveMessageRequest(url)
        {
            WaitTimeSeconds = 1,
            MaxNumberOfMessages = 10,
            VisibilityTimeout = 30,
            MessageSystemAttributeNames = [SqsSystemAttributes.ApproximateReceiveCount],
        });

        Assert.Empty(messages);
        var body = System.Text.Encoding.UTF8.GetString(_aws.Recorder.Requests.Last(r => r.Operation == "ReceiveMessage").Body);
        Assert.Contains("\"WaitTimeSeconds\":1", body, StringComparison.Ordinal);
        Assert.Contains("\"MessageSystemAttributeNames\":[\"ApproximateReceiveCount\"]", body, StringComparison.Ordinal);
        _aws.AssertRequestsMatchModels();
    }

    private async Task<List<SqsMessage>> ReceiveAllAsync(string url, int expected)
    {
        var all = new List<SqsMessage>();
        for (var attempt = 0; attempt < 10 && all.Count < expected; attempt++)
        {
            all.AddRange(await _aws.Sqs.ReceiveMessageAsync(new ReceiveMessageRequest(url)
            {
                MaxNumberOfMessages = 10,
                WaitTimeSeconds = 1,
                MessageSystemAttributeNames = [SqsSystemAttributes.ApproximateReceiveCount],
                MessageAttributeNames = ["All"],
            }));
        }

        return all;
    }

    public void Dispose() => _aws.Dispose();
}
