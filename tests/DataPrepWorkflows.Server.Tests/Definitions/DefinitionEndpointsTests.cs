using System.Net;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Server.Tests.Hosting;
using DataPrepWorkflows.Server.Tests.Problems;

namespace DataPrepWorkflows.Server.Tests.Definitions;

public sealed class DefinitionEndpointsTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Validate_answers_diagnostics_with_line_and_column()
    {
        using var client = server.Client("viewer");
        const string text = "{\n  \"id\": \"broken\",\n  \"version\": 1,\n  \"name\": \"Broken\",\n  \"description\": \"Fails.\",\n  \"activities\": [\n    { \"id\": \"x\", \"type\": \"NoSuchActivity\" }\n  ]\n}";
        using var response = await client.PostAsync("/api/v1/workflow-definitions/validate", Seed.Json(text));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadObjectAsync();
        Assert.False(body["valid"]!.GetValue<bool>(), body.ToJsonString());
        Assert.True(body["diagnostics"]!.AsArray().Count == 1, body.ToJsonString());
        var diagnostic = body["diagnostics"]!.AsArray().Select(d => d!.AsObject()).First(d => d["severity"]!.GetValue<string>() == "error");
        Assert.Equal(7, diagnostic["line"]!.GetValue<int>());
        Assert.True(diagnostic["column"]!.GetValue<int>() > 0);
        Assert.StartsWith("DPW", diagnostic["code"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_an_invalid_workflow_is_422_with_diagnostics_and_saves_nothing()
    {
        using var client = server.Client("editor");
        using var response = await client.PostAsync("/api/v1/workflow-definitions", Seed.Json("{\"id\": \"bad\", \"version\": 1, \"name\": \"Bad\", \"description\": \"Bad.\", \"activities\": [{\"id\": \"a\", \"type\": \"Nope\"}]}"));

        var problem = await ProblemDetailsTests.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "DPA009");
        Assert.NotEmpty(problem["diagnostics"]!.AsArray());
        Assert.Null(await server.Store.Definitions.GetAsync("bad", Persistence.VersionSelector.Latest, CancellationToken.None));
    }

    [Fact]
    public async Task Save_publish_then_save_again_makes_version_2_while_1_stays_published()
    {
        using var editor = server.Client("editor");
        using var viewer = server.Client("viewer");
        await Seed.SaveAsync(editor, "versioned", "first", publish: true);
        await Seed.SaveAsync(editor, "versioned", "second");

        var latest = await (await viewer.GetAsync("/api/v1/workflow-definitions/versioned")).ReadObjectAsync();
        var published = await (await viewer.GetAsync("/api/v1/workflow-definitions/versioned?versionOptions=Published")).ReadObjectAsync();
        var list = await (await viewer.GetAsync("/api/v1/workflow-definitions/versioned/versions")).ReadObjectAsync();

        Assert.Equal(2, latest["version"]!.GetValue<int>());
        Assert.False(latest["isPublished"]!.GetValue<bool>());
        Assert.Equal("second", latest["definition"]!["activities"]![0]!["inputs"]!["message"]!.GetValue<string>());
        Assert.Equal(1, published["version"]!.GetValue<int>());
        Assert.Equal([2, 1], list["items"]!.AsArray().Select(v => v!["version"]!.GetValue<int>()));
        Assert.Contains("publish versioned@1", server.Runtime.Calls);
    }

    [Fact]
    public async Task Publish_and_retract_go_through_the_runtime_and_are_audited()
    {
        using var editor = server.Client("editor");
        await Seed.SaveAsync(editor, "publishing");

        using var published = await editor.PostAsync("/api/v1/workflow-definitions/publishing/publish", null);
        using var retracted = await editor.PostAsync("/api/v1/workflow-definitions/publishing/retract", null);

        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.True((await retracted.ReadObjectAsync())["retracted"]!.GetValue<bool>());
        Assert.Contains("publish publishing@1", server.Runtime.Calls);
        Assert.Contains("unpublish publishing", server.Runtime.Calls);
        var audit = await server.Store.Audit.ListAsync("editor-key", null, 100, null, CancellationToken.None);
        Assert.Contains(audit.Items, r => r.Action == "workflow.publish" && r.Target == "publishing@1" && r.Role == "editor");
        Assert.Contains(audit.Items, r => r.Action == "workflow.retract" && r.Target == "publishing");
        Assert.Contains(audit.Items, r => r.Action == "workflow.save" && r.Target == "publishing@1" && r.Timestamp == server.Time.GetUtcNow());
    }

    [Fact]
    public async Task Asking_for_a_version_that_does_not_exist_says_which()
    {
        using var editor = server.Client("editor");
        await Seed.SaveAsync(editor, "unpublished");

        using var published = await editor.GetAsync("/api/v1/workflow-definitions/unpublished?versionOptions=Published");
        using var missing = await editor.GetAsync("/api/v1/workflow-definitions/never-saved");
        using var bad = await editor.GetAsync("/api/v1/workflow-definitions/unpublished?versionOptions=newest");

        await ProblemDetailsTests.AssertProblemAsync(published, HttpStatusCode.NotFound, "DPA006");
        await ProblemDetailsTests.AssertProblemAsync(missing, HttpStatusCode.NotFound, "DPA005");
        await ProblemDetailsTests.AssertProblemAsync(bad, HttpStatusCode.BadRequest, "DPA011");
    }

    [Fact]
    public async Task List_searches_and_pages()
    {
        using var editor = server.Client("editor");
        for (var i = 0; i < 5; i++)
        {
            await Seed.SaveAsync(editor, $"paged-{i}");
        }

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await (await editor.GetAsync($"/api/v1/workflow-definitions?search=paged-&pageSize=2{(token is null ? "" : "&pageToken=" + Uri.EscapeDataString(token))}")).ReadObjectAsync();
            seen.AddRange(page["items"]!.AsArray().Select(i => i!["definitionId"]!.GetValue<string>()));
            token = page["nextPageToken"]?.GetValue<string>();
        }
        while (token is not null);

        Assert.Equal(["paged-0", "paged-1", "paged-2", "paged-3", "paged-4"], seen);
    }

    [Fact]
    public async Task Export_gives_the_canonical_file_and_import_reads_it_back()
    {
        using var editor = server.Client("editor");
        await Seed.SaveAsync(editor, "round-trip", "round");

        using var exported = await editor.GetAsync("/api/v1/workflow-definitions/round-trip/export");
        var text = await exported.Content.ReadAsStringAsync();
        Assert.Equal("round-trip.json", exported.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("round-trip", JsonNode.Parse(text)!["id"]!.GetValue<string>());

        using var imported = await editor.PostAsync("/api/v1/workflow-definitions/import?format=dataprep", Seed.Json(text.Replace("\"round\"", "\"again\"", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        Assert.Equal("again", (await imported.ReadObjectAsync())["definition"]!["activities"]![0]!["inputs"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Elsa_json_goes_out_and_comes_back_as_the_same_workflow()
    {
        using var editor = server.Client("editor");
        await Seed.SaveAsync(editor, "elsa-trip", "via elsa");

        using var exported = await editor.GetAsync("/api/v1/workflow-definitions/elsa-trip/export?format=elsa");
        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        var elsa = JsonNode.Parse(await exported.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("elsa-trip", elsa["definitionId"]!.GetValue<string>());
        Assert.True(elsa["isLatest"]!.GetValue<bool>());
        Assert.False(elsa["isPublished"]!.GetValue<bool>()); // saved as a draft, never published

        using var imported = await editor.PostAsync("/api/v1/workflow-definitions/import?format=elsa", Seed.Json(elsa.ToJsonString()));
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        var body = await imported.ReadObjectAsync();
        Assert.Equal("elsa-trip", body["definitionId"]!.GetValue<string>());
        Assert.Equal("via elsa", body["definition"]!["activities"]![0]!["inputs"]!["message"]!.GetValue<string>());
        var location = imported.Headers.Location?.OriginalString;
        Assert.Equal($"/api/v1/workflow-definitions/elsa-trip?versionOptions={body["version"]!.GetValue<int>()}", location);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(location)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_format_is_refused()
    {
        using var editor = server.Client("editor");
        using var response = await editor.PostAsync("/api/v1/workflow-definitions/import?format=yaml", Seed.Json("{}"));

        await ProblemDetailsTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "DPA014");
    }

    [Fact]
    public async Task Diff_reports_the_changed_input_between_two_versions()
    {
        using var editor = server.Client("editor");
        await Seed.SaveAsync(editor, "diffed", "before", publish: true);
        await Seed.SaveAsync(editor, "diffed", "after");

        using var response = await editor.GetAsync("/api/v1/workflow-definitions/diffed/diff?from=1&to=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var diff = (await response.ReadObjectAsync())["diff"]!.AsObject();
        var changed = diff["activitiesChanged"]!.AsArray().Single()!.AsObject();
        Assert.Equal("say", changed["id"]!.GetValue<string>());
        Assert.Contains("after", changed["inputs"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Elsa_import_reports_what_its_conversion_found_and_positions_in_the_text_as_sent()
    {
        using var editor = server.Client("editor");
        const string Warned = """
            {
              "definitionId": "elsa-warned",
              "name": "Warned",
              "root": {
                "type": "Elsa.Flowchart",
                "activities": [{ "id": "a", "type": "Elsa.WriteLine", "text": "x" }],
                "connections": [{ "source": { "activity": "a", "port": "Done" }, "target": { "activity": "ghost", "port": "In" } }]
              }
            }
            """;
        const string Unknown = """
            {
              "definitionId": "elsa-unknown",
              "name": "Unknown",
              "root": {
                "type": "Elsa.Flowchart",
                "activities": [
                  { "id": "endpoint", "type": "Elsa.HttpEndpoint", "path": "hi" }
                ]
              }
            }
            """;

        using var imported = await editor.PostAsync("/api/v1/workflow-definitions/import?format=elsa", Seed.Json(Warned));
        using var refused = await editor.PostAsync("/api/v1/workflow-definitions/import?format=elsa", Seed.Json(Unknown));

        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        var warning = Assert.Single((await imported.ReadObjectAsync())["diagnostics"]!.AsArray(), d => d!["code"]!.GetValue<string>() == "DPW043")!;
        Assert.Equal(7, warning["line"]!.GetValue<int>());
        var problem = await ProblemDetailsTests.AssertProblemAsync(refused, HttpStatusCode.UnprocessableEntity, "DPA009");
        var error = Assert.Single(problem["diagnostics"]!.AsArray(), d => d!["code"]!.GetValue<string>() == "DPW040")!;
        Assert.Equal(7, error["line"]!.GetValue<int>());
    }

    [Fact]
    public async Task Dispatch_starts_the_published_version_and_is_audited()
    {
        using var editor = server.Client("editor");
        using var @operator = server.Client("operator");
        await Seed.SaveAsync(editor, "dispatched", publish: true);

        using var response = await @operator.PostAsync("/api/v1/workflow-definitions/dispatched/dispatch", Seed.Json("{\"inputs\": {\"n\": 1}, \"correlationId\": \"c-1\"}"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.ReadObjectAsync();
        var instanceId = body["instanceId"]!.GetValue<string>();
        Assert.Equal($"/api/v1/workflow-instances/{instanceId}", response.Headers.Location?.OriginalString);
        Assert.Single(await server.Store.Work.ListForInstanceAsync(instanceId, CancellationToken.None));
        var audit = await server.Store.Audit.ListAsync(null, instanceId, 10, null, CancellationToken.None);
        Assert.Equal("operator-key", Assert.Single(audit.Items).Actor);
    }

    [Fact]
    public async Task Deleting_a_published_workflow_is_refused_until_it_is_retracted()
    {
        using var admin = server.Client("admin");
        await Seed.SaveAsync(admin, "doomed", publish: true);

        using var refused = await admin.DeleteAsync("/api/v1/workflow-definitions/doomed");
        await admin.PostAsync("/api/v1/workflow-definitions/doomed/retract", null);
        using var deleted = await admin.DeleteAsync("/api/v1/workflow-definitions/doomed");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Null(await server.Store.Definitions.GetAsync("doomed", Persistence.VersionSelector.Latest, CancellationToken.None));
    }

    [Fact]
    public async Task Descriptors_list_the_registry()
    {
        using var viewer = server.Client("viewer");
        var all = await (await viewer.GetAsync("/api/v1/descriptors/activities")).ReadObjectAsync();
        using var one = await viewer.GetAsync("/api/v1/descriptors/activities/Log");
        using var unknown = await viewer.GetAsync("/api/v1/descriptors/activities/Nope");

        Assert.Contains(all["items"]!.AsArray(), d => d!["typeName"]!.GetValue<string>() == "Log");
        Assert.Equal("Control", (await one.ReadObjectAsync())["category"]!.GetValue<string>());
        await ProblemDetailsTests.AssertProblemAsync(unknown, HttpStatusCode.NotFound, "DPA020");
    }

    [Fact]
    public async Task Dispatching_an_unknown_workflow_is_DPA005_and_one_with_no_published_version_DPA006()
    {
        using var editor = server.Client("editor");
        using var @operator = server.Client("operator");
        await Seed.SaveAsync(editor, "draft-only", publish: false);

        using var unknown = await @operator.PostAsync("/api/v1/workflow-definitions/no-such-workflow/dispatch", null);
        using var unpublished = await @operator.PostAsync("/api/v1/workflow-definitions/draft-only/dispatch", null);

        await ProblemDetailsTests.AssertProblemAsync(unknown, HttpStatusCode.NotFound, "DPA005");
        await ProblemDetailsTests.AssertProblemAsync(unpublished, HttpStatusCode.NotFound, "DPA006");
    }
}
