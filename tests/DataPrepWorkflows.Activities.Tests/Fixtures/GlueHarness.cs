using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Activities.Backends;
using DataPrepWorkflows.Activities.Crawl;
using DataPrepWorkflows.Activities.GlueJob;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Engine.Expressions;
using DataPrepWorkflows.Storage;

namespace DataPrepWorkflows.Activities.Tests.Fixtures;

/// <summary>
/// Real local backends (folder storage, SQLite catalog, DuckDB) in a temporary folder, and a real workflow engine
/// that runs the Glue activities against them.
/// </summary>
public sealed class GlueHarness : IAsyncDisposable
{
    private static readonly ActivityRegistry Registry = ActivityRegistry.FromTypes([typeof(CrawlActivity), typeof(GlueJobActivity)]);
    private static readonly JintExpressionEngine Expressions = new();

    private GlueHarness(string root, DataBackends backends)
    {
        Root = root;
        Backends = backends;
    }

    public string Root { get; }

    public DataBackends Backends { get; }

    public ManualClock Clock { get; } = new();

    public static async Task<GlueHarness> CreateAsync()
    {
        var root = Directory.CreateTempSubdirectory("glue-tests-").FullName;
        var backends = await DataBackends.OpenLocalAsync(root);
        return new GlueHarness(root, backends);
    }

    public async Task<ObjectInfo> PutAsync(string uri, string content)
    {
        var target = S3Uri.Parse(uri);
        await Backends.Storage.EnsureBucketAsync(target.Bucket);
        return await Backends.Storage.WriteBytesAsync(target, Encoding.UTF8.GetBytes(content));
    }

    public async Task PutGzipAsync(string uri, string content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(content));
        }

        var target = S3Uri.Parse(uri);
        await Backends.Storage.EnsureBucketAsync(target.Bucket);
        await Backends.Storage.WriteBytesAsync(target, buffer.ToArray());
    }

    public Task DeleteAsync(string uri) => Backends.Storage.DeleteAsync(S3Uri.Parse(uri));

    /// <summary>The local file behind an <c>s3://</c> URI.</summary>
    public string LocalPath(string uri) => Backends.LocalFiles!.GetPath(S3Uri.Parse(uri));

    /// <summary>Runs one activity of <paramref name="type"/> as a workflow; edges route its outcomes to nowhere.</summary>
    public Task<WorkflowRunResult> RunAsync(string type, object inputs, string instanceId = "i-1", TimeProvider? clock = null, CancellationToken cancellationToken = default) =>
        RunAsync(new WorkflowDefinition
        {
            Id = "glue-test",
            Version = 1,
            Name = "glue-test",
            Activities = [new ActivityNode { Id = "step", Type = type, Inputs = ToInputs(inputs) }],
        }, instanceId, clock, cancellationToken);

    public Task<WorkflowRunResult> RunAsync(WorkflowDefinition definition, string instanceId = "i-1", TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        var engine = new WorkflowEngine(Registry, Expressions, new WorkflowEngineOptions { TimeProvider = clock ?? Clock, Services = Backends });
        return engine.StartAsync(definition, new WorkflowStartRequest { InstanceId = instanceId }, cancellationToken);
    }

    public static IReadOnlyList<KeyValuePair<string, JsonNode?>> ToInputs(object inputs) =>
        (inputs as JsonObject ?? JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(inputs))!.AsObject())
            .Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))
            .ToList();

    public async ValueTask DisposeAsync()
    {
        Backends.Dispose();
        await Task.Yield();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A process killed by a test may still hold a file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
