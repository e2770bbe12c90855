using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Cli.Tests.Process;
using DataPrepWorkflows.Server;

namespace DataPrepWorkflows.Cli.Tests.Serve;

public sealed class ServeCommandTests
{
    private const string Workflow = """
        {"id": "hello", "version": 1, "name": "Hello", "description": "Says hello.",
         "activities": [{"id": "say", "type": "Log", "inputs": {"message": "hi"}}]}
        """;

    [Fact]
    public async Task Hash_key_prints_a_key_and_a_hash_that_verifies_it()
    {
        using var folder = new TempFolder();
        var generated = await DataprepProcess.RunAsync(folder.Path, "serve", "hash-key", "--name", "ops", "--role", "operator");
        var given = await DataprepProcess.RunAsync(folder.Path, "serve", "hash-key", "--key", "my-secret");

        Assert.Equal(0, generated.ExitCode);
        var key = Line(generated.Output, "key:");
        var hash = Line(generated.Output, "hash:");
        Assert.True(ApiKeyHashing.Verify(key, hash));
        Assert.Contains("Server__ApiKeys__ops__Role=operator", generated.Output, StringComparison.Ordinal);
        Assert.True(ApiKeyHashing.Verify("my-secret", Line(given.Output, "hash:")));
        Assert.DoesNotContain("key:", given.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_runs_a_workflow_through_the_api_and_stops_on_ctrl_c()
    {
        using var folder = new TempFolder();
        var key = ApiKeyHashing.NewKey();
        folder.Write("appsettings.json", Settings(ApiKeyHashing.Hash(key)));
        await using var server = await ServeProcess.StartAsync(folder.Path);
        Assert.True(server.Output.Contains("listening on", StringComparison.Ordinal), server.Error);
        using var client = server.Client(key);

        Assert.Equal(HttpStatusCode.OK, (await server.Client(null).GetAsync("/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client(null).GetAsync("/api/v1/workflow-instances")).StatusCode);
        using var saved = await client.PostAsync("/api/v1/workflow-definitions?publish=true", new StringContent(Workflow, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        using var dispatched = await client.PostAsync("/api/v1/workflow-definitions/hello/dispatch", null);
        var instanceId = JsonNode.Parse(await dispatched.Content.ReadAsStringAsync())!["instanceId"]!.GetValue<string>();

        // The live feed ends when the instance ends, so reading it to the end waits for the run.
        var feed = await client.GetStringAsync($"/api/v1/workflow-instances/{instanceId}/journal/stream");
        Assert.Contains("event: end", feed, StringComparison.Ordinal);
        var instance = JsonNode.Parse(await client.GetStringAsync($"/api/v1/workflow-instances/{instanceId}"))!;
        Assert.Equal("Finished", instance["status"]!.GetValue<string>());

        Assert.Equal(0, await server.InterruptAsync());
        Assert.Contains("dataprep serve: stopped", server.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder.Path, ".dataprep", "runtime.db")));
    }

    [Fact]
    public async Task An_http_trigger_is_open_by_default_one_with_a_role_asks_for_a_key_and_dispatch_checks_inputs()
    {
        using var folder = new TempFolder();
        var key = ApiKeyHashing.NewKey();
        folder.Write("appsettings.json", Settings(ApiKeyHashing.Hash(key)));
        await using var server = await ServeProcess.StartAsync(folder.Path);
        using var admin = server.Client(key);
        foreach (var (id, path, authorization) in new[] { ("open-echo", "/open/{id}", ""), ("guarded-echo", "/guarded/{id}", ", \"authorization\": \"operator\"") })
        {
            var workflow = $$"""
                { "id": "{{id}}", "version": 1, "name": "{{id}}", "description": "Answers with the id in its path.",
                  "triggers": [ { "type": "HttpEndpoint", "path": "{{path}}", "methods": ["POST"], "respond": "wait", "timeout": "PT20S"{{authorization}} } ],
                  "activities": [ { "id": "answer", "type": "WriteHttpResponse", "inputs": { "statusCode": 201, "content": "=trigger.route.id" } } ] }
                """;
            using var saved = await admin.PostAsync("/api/v1/workflow-definitions?publish=true", new StringContent(workflow, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        }

        // Dispatch checks inputs against the declared ones before accepting the start.
        const string Typed = """
            {"id": "typed", "version": 1, "name": "Typed", "description": "Needs a count.",
             "inputs": {"count": {"type": "integer", "required": true}},
             "activities": [{"id": "say", "type": "Log", "inputs": {"message": "hi"}}]}
            """;
        using var typed = await admin.PostAsync("/api/v1/workflow-definitions?publish=true", new StringContent(Typed, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, typed.StatusCode);
        using var badInputs = await admin.PostAsync("/api/v1/workflow-definitions/typed/dispatch", new StringContent("""{"inputs": {"count": "many"}}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, badInputs.StatusCode);
        var problem = JsonNode.Parse(await badInputs.Content.ReadAsStringAsync())!;
        Assert.Equal("DPA011", problem["code"]!.GetValue<string>());
        Assert.StartsWith("'inputs.count': ", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        using var anonymous = server.Client(null);
        using var open = await anonymous.PostAsync("/workflows/open/42", new StringContent("{}", Encoding.UTF8, "application/json"));
        using var guarded = await anonymous.PostAsync("/workflows/guarded/42", new StringContent("{}", Encoding.UTF8, "application/json"));
        using var keyed = await admin.PostAsync("/workflows/guarded/42", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, open.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, guarded.StatusCode);
        Assert.Equal(HttpStatusCode.Created, keyed.StatusCode);
        Assert.Equal(0, await server.InterruptAsync());
    }

    [Fact]
    public async Task A_missing_config_file_is_DPC060()
    {
        using var folder = new TempFolder();
        var result = await DataprepProcess.RunAsync(folder.Path, "serve", "--config", "nope.json");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error DPC060: --config: file", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_key_hash_is_DPC062_naming_the_setting()
    {
        using var folder = new TempFolder();
        folder.Write("appsettings.json", Settings("plain-text-key"));
        var result = await DataprepProcess.RunAsync(folder.Path, "serve", "--urls", $"http://127.0.0.1:{ServeProcess.FreePort()}");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error DPC062: Server:ApiKeys:ops:Hash", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DATAPREP__Server__ApiKeys__ops__Hash")]
    [InlineData("Server__ApiKeys__ops__Hash")]
    public async Task Settings_come_from_environment_variables_with_or_without_the_DATAPREP_prefix(string variable)
    {
        using var folder = new TempFolder();
        var environment = new Dictionary<string, string> { [variable] = "plain-text-key", [variable.Replace("Hash", "Role", StringComparison.Ordinal)] = "admin" };

        var result = await DataprepProcess.RunWithEnvironmentAsync(folder.Path, environment, "serve", "--urls", $"http://127.0.0.1:{ServeProcess.FreePort()}");

        // The malformed hash proves the variable was read: the server refuses it by the setting's name.
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error DPC062: Server:ApiKeys:ops:Hash", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_in_use_is_DPC063()
    {
        using var folder = new TempFolder();
        folder.Write("appsettings.json", Settings(ApiKeyHashing.Hash("k")));
        using var occupied = new TcpListener(IPAddress.Loopback, 0);
        occupied.Start();
        var port = ((IPEndPoint)occupied.LocalEndpoint).Port;

        var result = await DataprepProcess.RunAsync(folder.Path, "serve", "--urls", $"http://127.0.0.1:{port}");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"error DPC063: Cannot listen on 'http://127.0.0.1:{port}'", result.Error, StringComparison.Ordinal);
    }

    private static string Settings(string hash) => $$"""
        { "Server": { "ApiKeys": { "ops": { "Hash": "{{hash}}", "Role": "admin" } } } }
        """;

    private static string Line(string output, string prefix) =>
        output.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..].Trim();
}
