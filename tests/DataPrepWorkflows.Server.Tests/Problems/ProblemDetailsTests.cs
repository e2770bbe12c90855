using System.Net;
using DataPrepWorkflows.Server.Tests.Hosting;

namespace DataPrepWorkflows.Server.Tests.Problems;

/// <summary>Every error is problem details with a stable code, what went wrong and what to do; never a stack trace.</summary>
public sealed class ProblemDetailsTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Unknown_route_is_a_404_problem()
    {
        using var client = server.Client("viewer");
        using var response = await client.GetAsync("/api/v1/no-such-thing");

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "DPA017");
    }

    [Fact]
    public async Task A_method_the_path_does_not_answer_is_a_405_problem_with_the_allowed_methods()
    {
        using var client = server.Client("admin");
        using var response = await client.DeleteAsync("/api/v1/workflow-instances");

        var problem = await AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed, "DPA018");
        Assert.Contains("GET", response.Content.Headers.Allow);
        Assert.Contains("answers GET", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/workflow-definitions?published=maybe", "'published': 'maybe' is not true or false.")]
    [InlineData("/api/v1/workflow-instances?pageSize=abc", "'pageSize': 'abc' is not a whole number.")]
    [InlineData("/api/v1/workflow-instances?createdFrom=yesterday", "'createdFrom': 'yesterday' is not an ISO 8601 timestamp")]
    public async Task A_query_value_that_does_not_bind_names_the_parameter_and_what_it_takes(string url, string expected)
    {
        using var client = server.Client("viewer");
        using var response = await client.GetAsync(url);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "DPA011");
        var detail = problem["detail"]!.GetValue<string>();
        Assert.StartsWith(expected, detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Nullable", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/workflow-definitions?pageSize=0", "pageSize")]
    [InlineData("/api/v1/workflow-definitions?pageSize=100000", "pageSize")]
    [InlineData("/api/v1/workflow-instances?pageSize=-5", "pageSize")]
    [InlineData("/api/v1/audit?pageSize=0", "pageSize")]
    [InlineData("/api/v1/workflow-instances/any/journal?limit=0", "limit")]
    [InlineData("/api/v1/workflow-instances/any/journal?after=-3", "after")]
    [InlineData("/api/v1/workflow-instances/any?journalLimit=-1", "journalLimit")]
    public async Task A_count_or_position_out_of_range_is_a_400_on_every_endpoint(string url, string name)
    {
        using var client = server.Client("admin");
        using var response = await client.GetAsync(url);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "DPA011");
        Assert.StartsWith($"'{name}': must be ", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_with_the_position()
    {
        using var client = server.Client("operator");
        using var response = await client.PostAsync("/api/v1/bulk-actions/cancel/workflow-instances", Seed.Json("{\"instanceIds\": [\"a\",]"));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "DPA004");
        Assert.Contains("line 1", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"instanceIds\": [\"a\"")]
    [InlineData("{\n  \"instanceIds\": [\n    \"a\",\n    x\n  ]\n}")]
    public async Task Malformed_json_names_its_line_and_byte_once_counted_from_1_without_the_readers_own_numbering(string body)
    {
        using var client = server.Client("operator");
        using var response = await client.PostAsync("/api/v1/bulk-actions/cancel/workflow-instances", Seed.Json(body));

        var detail = (await AssertProblemAsync(response, HttpStatusCode.BadRequest, "DPA004"))["detail"]!.GetValue<string>();
        Assert.DoesNotContain("LineNumber", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("BytePositionInLine", detail, StringComparison.Ordinal);
        Assert.Matches(@"\(line \d+, byte \d+\)\.$", detail);
    }

    [Fact]
    public async Task A_bad_query_parameter_names_the_parameter()
    {
        using var client = server.Client("viewer");
        using var response = await client.GetAsync("/api/v1/workflow-instances?status=Sleeping");

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "DPA011");
        Assert.Contains("'status'", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_value_of_the_wrong_type_is_a_400_problem_not_an_exception()
    {
        using var client = server.Client("viewer");
        using var response = await client.GetAsync("/api/v1/workflow-instances?pageSize=many");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "DPA011");
    }

    [Fact]
    public async Task A_page_token_the_server_never_gave_is_a_400()
    {
        using var client = server.Client("viewer");
        using var response = await client.GetAsync("/api/v1/workflow-instances?pageToken=forged");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "DPA011");
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415_problem()
    {
        using var client = server.Client("operator");
        using var response = await client.PostAsync("/api/v1/bulk-actions/cancel/workflow-instances", new StringContent("instanceIds=a", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "DPA019");
    }

    [Fact]
    public async Task Missing_instance_is_a_404_naming_it()
    {
        using var client = server.Client("viewer");
        using var response = await client.GetAsync("/api/v1/workflow-instances/i-do-not-exist");

        var problem = await AssertProblemAsync(response, HttpStatusCode.NotFound, "DPA007");
        Assert.Contains("i-do-not-exist", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    internal static async Task<System.Text.Json.Nodes.JsonObject> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        var problem = System.Text.Json.Nodes.JsonNode.Parse(text)!.AsObject();
        Assert.Equal(code, problem["code"]?.GetValue<string>());
        Assert.Equal((int)status, problem["status"]?.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(problem["action"]?.GetValue<string>()));
        Assert.Equal($"urn:dataprep:problem:{code}", problem["type"]?.GetValue<string>());
        return problem;
    }
}
