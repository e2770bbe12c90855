using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Amazon.Runtime;
using DataPrepWorkflows.Aws.Protocol;

namespace DataPrepWorkflows.Aws.Tests.Protocol;

/// <summary>Our signatures must be byte-identical to botocore's SigV4Auth for the same request, clock and keys.</summary>
public sealed class SigV4SignerTests
{
    private static readonly DateTimeOffset SignedAt = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Theory]
    [InlineData("http://127.0.0.1:4566/", "AmazonSQS.ReceiveMessage", "application/x-amz-json-1.0", "sqs", "")]
    [InlineData("https://events.eu-west-1.amazonaws.com/", "AWSEvents.PutRule", "application/x-amz-json-1.1", "events", "")]
    [InlineData("https://sqs.eu-west-1.amazonaws.com/", "AmazonSQS.SendMessage", "application/x-amz-json-1.0", "sqs", "session-token/with+odd=chars")]
    public void Authorization_equals_botocores_for_the_same_request(string url, string target, string contentType, string service, string token)
    {
        const string body = """{"QueueUrl":"https://sqs.eu-west-1.amazonaws.com/123456789012/q","MessageBody":"caf\u00e9  two spaces"}""";
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        var credentials = new ImmutableCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", token.Length == 0 ? null : token);

        SigV4Signer.Sign(request, bytes, credentials, "eu-west-1", service, SignedAt);

        var ours = request.Headers.GetValues("Authorization").Single();
        Assert.Equal(Botocore(url, target, contentType, body, token, service), ours);
        Assert.Equal("20260102T030405Z", request.Headers.GetValues(SigV4Signer.DateHeader).Single());
        Assert.Equal(token.Length > 0, request.Headers.Contains(SigV4Signer.SecurityTokenHeader));
    }

    private static string Botocore(string url, string target, string contentType, string body, string token, string service)
    {
        const string script = """
            import sys, datetime, botocore.auth as auth
            from botocore.awsrequest import AWSRequest
            from botocore.credentials import Credentials
            auth.get_current_datetime = lambda: datetime.datetime(2026, 1, 2, 3, 4, 5)
            url, target, ctype, body, token, service = sys.argv[1:]
            request = AWSRequest(method='POST', url=url, data=body.encode('utf-8'), headers={'Content-Type': ctype, 'X-Amz-Target': target})
            auth.SigV4Auth(Credentials('AKIDEXAMPLE', 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', token or None), service, 'eu-west-1').add_auth(request)
            print(request.headers['Authorization'])
            """;
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-c", script, url, target, contentType, body, token, service })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        return output.Trim();
    }
}
