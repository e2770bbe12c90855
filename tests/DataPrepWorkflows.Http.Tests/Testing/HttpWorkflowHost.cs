using System.Security.Claims;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Http.Hosting;
using DataPrepWorkflows.Persistence;
using DataPrepWorkflows.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DataPrepWorkflows.Http.Tests.Testing;

/// <summary>
/// The real thing on loopback: a SQLite runtime store, a runtime node running in the background, and Kestrel serving
/// <c>MapHttpWorkflows</c>. A request header <c>X-Test-Role</c> signs the caller in with that role.
/// </summary>
internal sealed class HttpWorkflowHost : IAsyncDisposable
{
    private readonly string _folder;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _node;

    private HttpWorkflowHost(string folder, IRuntimeStore store, RuntimeHost runtime, LoopbackServer server)
    {
        _folder = folder;
        Store = store;
        Runtime = runtime;
        Server = server;
        _node = runtime.RunAsync(_stop.Token);
    }

    public IRuntimeStore Store { get; }

    public RuntimeHost Runtime { get; }

    public LoopbackServer Server { get; }

    public HttpClient Client { get; } = new();

    public static async Task<HttpWorkflowHost> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("dpw-http-").FullName;
        var store = await RuntimeStore.OpenAsync(new PersistenceOptions { SqlitePath = Path.Combine(folder, "runtime.db") }, TimeProvider.System, CancellationToken.None);
        var runtime = new RuntimeHost(store, ActivityRunner.Registry, ActivityRunner.Expressions,
            new RuntimeOptions { NodeId = "http-node", IdlePoll = TimeSpan.FromMilliseconds(50) },
            new WorkflowEngineOptions { TimeProvider = TimeProvider.System });
        var server = await LoopbackServer.StartAsync(
            app =>
            {
                app.Use((HttpContext context, RequestDelegate next) =>
                {
                    if (context.Request.Headers["X-Test-Role"].FirstOrDefault() is { } role)
                    {
                        context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, role)], "test"));
                    }

                    return next(context);
                });
                app.MapHttpWorkflows(o => o.ResponsePollInterval = TimeSpan.FromMilliseconds(50));
            },
            services => services.AddSingleton<IWorkflowRuntime>(runtime));
        return new HttpWorkflowHost(folder, store, runtime, server);
    }

    /// <summary>Saves and publishes a workflow file (the DSL's JSON).</summary>
    public async Task PublishAsync(JsonObject workflow)
    {
        var id = workflow["id"]!.GetValue<string>();
        var draft = await Store.Definitions.SaveDraftAsync(id, id, workflow.ToJsonString(), null, "test", CancellationToken.None);
        await Runtime.PublishAsync(id, draft.Version, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        await _stop.CancelAsync();
        try
        {
            await _node;
        }
        catch (OperationCanceledException)
        {
            // The node stops by cancellation.
        }

        await Runtime.DisposeAsync();
        await Store.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A handle still closing; the system's temporary folder cleanup removes it later.
        }
    }
}
