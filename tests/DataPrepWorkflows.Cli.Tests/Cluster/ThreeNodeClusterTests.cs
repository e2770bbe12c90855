using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Cli.Tests.Serve;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Persistence;
using DataPrepWorkflows.Server;
using DataPrepWorkflows.Testing.PostgreSql;

namespace DataPrepWorkflows.Cli.Tests.Cluster;

/// <summary>
/// Three <c>dataprep serve</c> processes share one PostgreSQL. A thousand instances, each waiting on a durable timer,
/// are started through the API while nodes are killed with <c>kill -9</c> and replaced; every instance must finish,
/// and finish exactly once.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class ThreeNodeClusterTests(PostgreSqlFixture postgres)
{
    private const int Instances = 1000;

    private const string Workflow = """
        {
          "id": "tick",
          "version": 1,
          "name": "Tick",
          "description": "Waits a second durably, then logs its number.",
          "inputs": { "n": { "type": "integer", "default": 0 } },
          "activities": [
            { "id": "wait", "type": "Delay", "inputs": { "duration": "PT1S" }, "next": "log" },
            { "id": "log", "type": "Log", "inputs": { "message": "tick ${inputs.n}" } }
          ]
        }
        """;

    [Fact]
    public async Task Nodes_killed_at_random_lose_nothing_and_every_instance_finishes_exactly_once()
    {
        var connection = await postgres.DatabaseAsync(nameof(ThreeNodeClusterTests));
        using var folder = new TempFolder();
        var key = ApiKeyHashing.NewKey();
        var settings = new JsonObject
        {
            ["Persistence"] = new JsonObject { ["Provider"] = "postgresql", ["ConnectionString"] = connection, ["Schema"] = "cluster" },
            ["Runtime"] = new JsonObject { ["LeaseDuration"] = "00:00:03", ["IdlePoll"] = "00:00:00.200" },
            ["Server"] = new JsonObject { ["ApiKeys"] = new JsonObject { ["ops"] = new JsonObject { ["Hash"] = ApiKeyHashing.Hash(key), ["Role"] = "admin" } } },
        };
        folder.Write("appsettings.json", settings.ToJsonString());

        var nodes = new List<ServeProcess>();
        try
        {
            // The first node creates the schema; the others join it.
            nodes.Add(await ServeProcess.StartAsync(folder.Path));
            nodes.AddRange(await Task.WhenAll(ServeProcess.StartAsync(folder.Path), ServeProcess.StartAsync(folder.Path)));
            Assert.All(nodes, n => Assert.Contains("listening on", n.Output, StringComparison.Ordinal));
            using (var client = nodes[0].Client(key))
            {
                using var saved = await client.PostAsync("/api/v1/workflow-definitions?publish=true", new StringContent(Workflow, Encoding.UTF8, "application/json"));
                Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
            }

            var random = new Random(7);
            var thresholds = new[] { 250, 500, 750 }.Select(n => (Count: n, Reached: new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously))).ToList();
            var dispatching = DispatchAsync(nodes.ToList(), key, count => thresholds.Where(t => count >= t.Count).ToList().ForEach(t => t.Reached.TrySetResult()));
            foreach (var (_, reached) in thresholds)
            {
                // Once a quarter more of the instances are accepted (and running), kill a node mid-flight and replace it.
                await reached.Task.WaitAsync(TimeSpan.FromMinutes(3));
                var victim = random.Next(nodes.Count);
                await nodes[victim].KillAsync();
                await nodes[victim].DisposeAsync();
                nodes[victim] = await ServeProcess.StartAsync(folder.Path);
            }

            var dispatched = await dispatching;
            Assert.Equal(Instances, dispatched.Count);

            await using var store = await RuntimeStore.OpenAsync(
                new PersistenceOptions { Provider = "postgresql", ConnectionString = connection, Schema = "cluster" }, TimeProvider.System, CancellationToken.None);
            await WaitUntilAllFinishedAsync(store);
            foreach (var id in dispatched)
            {
                var journal = await store.Journal.ReadAsync(id, 0, 1000, CancellationToken.None);
                Assert.Equal(1, journal.Entries.Count(e => e.Event == nameof(JournalEvent.WorkflowStarted)));
                Assert.Equal(1, journal.Entries.Count(e => e.Event == nameof(JournalEvent.WorkflowFinished)));
                var instance = await store.Instances.GetAsync(id, CancellationToken.None);
                Assert.Equal(WorkflowStatus.Finished, instance!.Status);
            }

            Assert.Empty((await store.Incidents.ListOpenAsync(10, null, CancellationToken.None)).Items);
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    /// <summary>Starts the instances through the API, round-robin over the nodes; a node being killed is skipped.</summary>
    private static async Task<List<string>> DispatchAsync(List<ServeProcess> nodes, string key, Action<int> dispatched)
    {
        var clients = nodes.Select(n => n.Client(key)).ToList();
        var ids = new List<string>();
        try
        {
            for (var i = 0; i < Instances; i++)
            {
                var body = new StringContent(new JsonObject { ["inputs"] = new JsonObject { ["n"] = i } }.ToJsonString(), Encoding.UTF8, "application/json");
                for (var attempt = 0; ; attempt++)
                {
                    try
                    {
                        using var response = await clients[(i + attempt) % clients.Count].PostAsync("/api/v1/workflow-definitions/tick/dispatch", body);
                        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                        ids.Add(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["instanceId"]!.GetValue<string>());
                        dispatched(ids.Count);
                        break;
                    }
                    catch (HttpRequestException) when (attempt < 10)
                    {
                        // That node is being killed; the request was not accepted, so send it to another one.
                    }
                }
            }
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }

        return ids;
    }

    private static async Task WaitUntilAllFinishedAsync(IRuntimeStore store)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(5);
        while (true)
        {
            var open = await store.Instances.ListAsync(new InstanceQuery
            {
                WorkflowId = "tick",
                Statuses = [WorkflowStatus.Running, WorkflowStatus.Suspended, WorkflowStatus.Faulted, WorkflowStatus.Cancelled],
                PageSize = 1,
            }, CancellationToken.None);
            var (_, queued) = await store.Work.CountAsync(DateTimeOffset.UtcNow, CancellationToken.None);
            if (open.Items.Count == 0 && queued == 0)
            {
                return;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"instances still open after 5 minutes ({queued} work items queued)");

            // The nodes are other processes: their progress is only visible in the database, so look again shortly.
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }
}
