using System.Text;

namespace DataPrepWorkflows.Aws.Tests.Support;

/// <summary>The model check must catch what it claims to catch, or the client tests prove nothing.</summary>
public sealed class BotocoreModelTests
{
    private const string Signed = "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/sqs/aws4_request, SignedHeaders=host, Signature=0";

    [Fact]
    public void A_conforming_request_has_no_problems() =>
        Assert.Empty(MotoAws.SqsModel.Problems(Sqs("ReceiveMessage", """{"QueueUrl":"u","MaxNumberOfMessages":10,"MessageSystemAttributeNames":["ApproximateReceiveCount"]}""")));

    [Theory]
    [InlineData("ReceiveMessage", """{"QueueURL":"u"}""", "required member 'QueueUrl' is missing")]
    [InlineData("ReceiveMessage", """{"QueueUrl":"u","Wait":1}""", "'Wait' is not a member")]
    [InlineData("ReceiveMessage", """{"QueueUrl":"u","MaxNumberOfMessages":"10"}""", "integer expected")]
    [InlineData("ReceiveMessage", """{"QueueUrl":"u","MessageSystemAttributeNames":["ReceiveCount"]}""", "is not one of")]
    [InlineData("SendMessage", """{"QueueUrl":"u","MessageBody":"b","MessageAttributes":{"a":{"StringValue":"v"}}}""", "required member 'DataType' is missing")]
    [InlineData("ReceiveMessages", "{}", "no operation 'ReceiveMessages'")]
    public void Departures_from_the_model_are_reported(string operation, string body, string problem) =>
        Assert.Contains(MotoAws.SqsModel.Problems(Sqs(operation, body)), p => p.Contains(problem, StringComparison.Ordinal));

    [Fact]
    public void Wrong_content_type_and_missing_signature_are_reported()
    {
        var problems = MotoAws.EventsModel.Problems(new RecordedRequest("AWSEvents.PutRule", "application/x-amz-json-1.0", null, Encoding.UTF8.GetBytes("""{"Name":"r"}"""), 200));

        Assert.Contains(problems, p => p.Contains("Content-Type", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("not SigV4-signed", StringComparison.Ordinal));
    }

    private static RecordedRequest Sqs(string operation, string body) =>
        new("AmazonSQS." + operation, "application/x-amz-json-1.0", Signed, Encoding.UTF8.GetBytes(body), 200);
}
