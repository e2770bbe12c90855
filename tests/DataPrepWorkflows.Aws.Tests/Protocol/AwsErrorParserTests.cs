using System.Net;
using System.Text;
using DataPrepWorkflows.Aws.Protocol;

namespace DataPrepWorkflows.Aws.Tests.Protocol;

public sealed class AwsErrorParserTests
{
    [Theory]
    [InlineData("""{"__type":"aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/","message":"m"}""", "FooError", "m")]
    [InlineData("""{"__type":"com.amazonaws.sqs#QueueDoesNotExist","message":"The specified queue does not exist."}""", "QueueDoesNotExist", "The specified queue does not exist.")]
    [InlineData("""{"__type":"ResourceNotFoundException","Message":"Rule r does not exist."}""", "ResourceNotFoundException", "Rule r does not exist.")]
    [InlineData("""{"code":"ValidationException","message":"bad"}""", "ValidationException", "bad")]
    public void Code_and_message_are_read_as_botocore_reads_them(string body, string code, string message)
    {
        var (parsedCode, parsedMessage) = AwsErrorParser.Parse(HttpStatusCode.BadRequest, null, Encoding.UTF8.GetBytes(body));

        Assert.Equal(code, parsedCode);
        Assert.Equal(message, parsedMessage);
    }

    [Fact]
    public void Without_a_JSON_body_the_error_type_header_then_the_status_name_the_error()
    {
        Assert.Equal("ThrottlingException", AwsErrorParser.Parse(HttpStatusCode.BadRequest, "ThrottlingException:http://x", "<html>"u8).Code);
        Assert.Equal(("503", "ServiceUnavailable"), AwsErrorParser.Parse(HttpStatusCode.ServiceUnavailable, null, []));
    }

    [Fact]
    public void Throttling_is_not_a_client_error()
    {
        var throttled = new AwsServiceException("SQS", "ReceiveMessage", "ThrottlingException", "slow down", HttpStatusCode.BadRequest, null);
        var missing = new AwsServiceException("SQS", "ReceiveMessage", "QueueDoesNotExist", "no", HttpStatusCode.BadRequest, "id");

        Assert.True(throttled.IsThrottling);
        Assert.False(throttled.IsClientError);
        Assert.True(missing.IsClientError);
        Assert.Contains("QueueDoesNotExist", missing.Message, StringComparison.Ordinal);
    }
}
