using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using DataPrepWorkflows.Benchmarks.Measuring;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Engine.Expressions;
using DataPrepWorkflows.Persistence;
using DataPrepWorkflows.Runtime;
using DataPrepWorkflows.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace DataPrepWorkflows.Benchmarks.Server;

/// <summary>
/// <c>server</c>: the REST API's instance listing over HTTP (Kestrel on loopback) with 1,000,000 instances in the
/// SQLite store — the first page unfiltered, by workflow, by status, by workflow and status, and the tenth page by
/// keyset token. Target: first page under 100 ms. Compared against nothing but the target: the figure is the whole
/// request (routing, authentication, the store query, JSON) as a client sees it.
/// </summary>
internal sealed class ServerSuite : IBenchmarkSuite
{
    public string Name => "server";

    public string Description => "REST API: list 1,000,000 instances, first page over HTTP (target < 100 ms).";

    public async Task RunAsync(string[] args)
    {
        var count = BenchmarkArgs.Int(args, "--instances", 1_000_000);
        var runs = BenchmarkArgs.Int(args, "--runs", 30);
        var folder = BenchmarkArgs.Folder(args, "server");
        var database = Path.Combine(folder, $"runtime-{count}.db");
        var fresh = !File.Exists(database);
        var store = await RuntimeStore.OpenAsync(new PersistenceOptions { SqlitePath = database }, TimeProvider.System, CancellationToken.None);
        await using (store)
        {
            if (fresh)
            {
                var seeding = Stopwatch.StartNew();
                await InstanceTableSeeder.SeedAsync(database, count);
                Console.WriteLine($"Seeded {count:N0} instances in {seeding.Elapsed.TotalSeconds:F1} s ({database}).");
            }

            var key = ApiKeyHashing.NewKey();
            var port = FreePort();
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
            builder.Logging.ClearProviders();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Server:ApiKeys:bench:Hash"] = ApiKeyHashing.Hash(key),
                ["Server:ApiKeys:bench:Role"] = "viewer",
            });
            var registry = ActivityRegistry.WithBuiltIns();
            var expressions = new JintExpressionEngine();
            await using var runtime = new RuntimeHost(store, registry, expressions);
            await using var app = DataprepServer.Build(builder, new ServerComponents(store, runtime, registry) { Expressions = expressions });
            await app.StartAsync();
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            client.DefaultRequestHeaders.Add("Authorization", "ApiKey " + key);

            Console.WriteLine($"{count:N0} instances, {runs} timed requests per query after 5 warm-up requests; median and p99 in ms (HTTP round trip, loopback).");
            Console.WriteLine($"{"query",-44} {"median",8} {"p99",8}  target");
            await TimeAsync(client, "first page (50), newest first", "/api/v1/workflow-instances", runs);
            await TimeAsync(client, "first page, definitionId=wf-07", "/api/v1/workflow-instances?definitionId=wf-07", runs);
            await TimeAsync(client, "first page, status=Faulted", "/api/v1/workflow-instances?status=Faulted", runs);
            await TimeAsync(client, "first page, wf-07 + Suspended", "/api/v1/workflow-instances?definitionId=wf-07&status=Suspended", runs);
            var token = await TenthPageTokenAsync(client);
            await TimeAsync(client, "tenth page (keyset token)", "/api/v1/workflow-instances?pageToken=" + Uri.EscapeDataString(token), runs);
            await app.StopAsync();
        }
    }

    private static async Task TimeAsync(HttpClient client, string label, string path, int runs)
    {
        for (var i = 0; i < 5; i++)
        {
            (await client.GetAsync(path)).EnsureSuccessStatusCode();
        }

        var samples = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            watch.Stop();
            response.EnsureSuccessStatusCode();
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }

        var p99 = samples.Order().ElementAt(Math.Min(samples.Count - 1, (int)Math.Ceiling(samples.Count * 0.99) - 1));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label,-44} {Samples.Median(samples),8:F2} {p99,8:F2}  < 100 ms"));
    }

    private static async Task<string> TenthPageTokenAsync(HttpClient client)
    {
        string? token = null;
        for (var page = 0; page < 9; page++)
        {
            var json = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync("/api/v1/workflow-instances" + (token is null ? "" : "?pageToken=" + Uri.EscapeDataString(token))))!;
            token = json["nextPageToken"]!.GetValue<string>();
        }

        return token!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
