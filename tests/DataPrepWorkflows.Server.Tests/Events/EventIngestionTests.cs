using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DataPrepWorkflows.Server.Tests.Hosting;
using DataPrepWorkflows.Server.Tests.Problems;

namespace DataPrepWorkflows.Server.Tests.Events;

public sealed class EventIngestionTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static string Event(string id) => """
        {"version":"0","id":"EVENT_ID","detail-type":"Object Created","source":"aws.s3","account":"123456789012",
         "time":"2026-02-01T10:00:00Z","region":"us-east-1","resources":["arn:aws:s3:::raw"],
         "detail":{"bucket":{"name":"raw"},"object":{"key":"loans/a.csv","size":10}}}
        """.Replace("EVENT_ID", id, StringComparison.Ordinal);

    [Fact]
    public async Task An_api_key_connection_delivers_an_event_once_and_it_is_audited()
    {
        using var client = server.Client(null);
        using var first = await PostAsync(client, Event("evt-1"), (ServerFixture.EventHeader, ServerFixture.EventKey));
        using var again = await PostAsync(client, Event("evt-1"), (ServerFixture.EventHeader, ServerFixture.EventKey));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var body = await first.ReadObjectAsync();
        Assert.Equal(["run-evt-1"], body["instanceIds"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.True((await again.ReadObjectAsync())["duplicate"]!.GetValue<bool>());
        var audit = await server.Store.Audit.ListAsync("s3-events", "evt-1", 10, null, CancellationToken.None);
        Assert.Equal("event.ingest", Assert.Single(audit.Items).Action);
    }

    [Fact]
    public async Task A_basic_auth_connection_delivers_an_event()
    {
        using var client = server.Client(null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ServerFixture.EventUser}:{ServerFixture.EventPassword}")));

        using var response = await PostAsync(client, Event("evt-basic"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains(server.Events.Received, e => e.Id == "evt-basic");
    }

    [Theory]
    [InlineData("header", "wrong-secret")]
    [InlineData("basic", "wrong-password")]
    [InlineData("none", "")]
    [InlineData("server-key", "")]
    public async Task Wrong_or_missing_credentials_are_401_and_nothing_is_started(string how, string secret)
    {
        using var client = server.Client(how == "server-key" ? "admin" : null);
        if (how == "basic")
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ServerFixture.EventUser}:{secret}")));
        }

        var id = $"evt-refused-{how}";
        using var response = how == "header"
            ? await PostAsync(client, Event(id), (ServerFixture.EventHeader, secret))
            : await PostAsync(client, Event(id));

        await ProblemDetailsTests.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "DPA012");
        Assert.DoesNotContain(server.Events.Received, e => e.Id == id);
    }

    [Fact]
    public async Task Wrong_credentials_with_a_non_json_content_type_are_still_the_event_401()
    {
        using var client = server.Client(null);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events") { Content = new StringContent("{}", Encoding.UTF8, "text/plain") };
        request.Headers.Add(ServerFixture.EventHeader, "wrong");
        using var response = await client.SendAsync(request);

        await ProblemDetailsTests.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "DPA012");
    }

    [Theory]
    [InlineData("{\"version\": \"0\", \"id\": ")]
    [InlineData("{\"id\": \"no-envelope\"}")]
    [InlineData("[1, 2]")]
    public async Task A_malformed_event_is_a_400_with_the_reason(string body)
    {
        using var client = server.Client(null);
        using var response = await PostAsync(client, body, (ServerFixture.EventHeader, ServerFixture.EventKey));

        var problem = await ProblemDetailsTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "DPA013");
        Assert.StartsWith("The body is not an EventBridge event: ", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("DataPrepWorkflows.", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"nope\"", "'nope'")]
    [InlineData("42", "Number")]
    public async Task An_event_time_that_is_not_a_timestamp_is_a_400_naming_it(string time, string named)
    {
        using var client = server.Client(null);
        var body = Event("bad-time").Replace("\"2026-02-01T10:00:00Z\"", time, StringComparison.Ordinal);
        using var response = await PostAsync(client, body, (ServerFixture.EventHeader, ServerFixture.EventKey));

        var problem = await ProblemDetailsTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "DPA013");
        var detail = problem["detail"]!.GetValue<string>();
        Assert.Contains("time must be an ISO 8601 timestamp", detail, StringComparison.Ordinal);
        Assert.Contains(named, detail, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string body, (string Name, string Value)? header = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events") { Content = Seed.Json(body) };
        if (header is { } h)
        {
            request.Headers.Add(h.Name, h.Value);
        }

        return client.SendAsync(request);
    }
}
