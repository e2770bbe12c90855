using DataPrepWorkflows.Activities.Backends;
using DataPrepWorkflows.Activities.SampleData;
using DataPrepWorkflows.Cli.Configuration;
using DataPrepWorkflows.Cli.Console;
using DataPrepWorkflows.Cli.Plugins;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Engine.Expressions;
using DataPrepWorkflows.Labeling.Output;
using DataPrepWorkflows.Labeling.Running;
using DataPrepWorkflows.Labeling.Store;
using DataPrepWorkflows.Persistence;
using DataPrepWorkflows.Runtime;
using DataPrepWorkflows.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataPrepWorkflows.Cli.Serve;

/// <summary>
/// One <c>dataprep serve</c> process: the store, the data backends, a runtime node and the web server, started in
/// that order and stopped in reverse — the server stops taking requests, then the node finishes and commits the work
/// it holds, then the store closes.
/// </summary>
internal static class ServerProcess
{
    public static async Task<int> RunAsync(string urls, FileInfo? configFile, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var config = ServeConfiguration.Load(configFile);
        var settings = SettingsLoader.Load(config.FilePath);
        var registry = ActivityRegistry.WithBuiltIns([typeof(LoanSampleOptions).Assembly, .. PluginLoader.Load(settings.Plugins, settings.BaseFolder)]);
        var clock = TimeProvider.System;
        var persistence = config.Persistence();
        var runtimeOptions = config.Runtime();

        IRuntimeStore store;
        try
        {
            store = await RuntimeStore.OpenAsync(persistence, clock, cancellationToken);
        }
        catch (PersistenceException e)
        {
            throw new UserError(ServeErrorCodes.StoreUnavailable, $"The runtime store cannot be opened: {e.Message}");
        }

        await using var storeLifetime = store;
        using var backends = await DataBackends.OpenLocalAsync(Path.GetFullPath(settings.StateFolder, settings.BaseFolder), clock, cancellationToken);
        using var metrics = new ServerMetrics();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = config.BaseFolder, Args = [] });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(config.Configuration);
        builder.WebHost.UseUrls(urls);
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        var expressions = new JintExpressionEngine();
        RuntimeHost? created = null;
        var labelingStore = SqliteLabelingStore.InStateFolder(backends.StateFolder);
        var labelingCompletion = new RuntimeLabelingCompletion(() => created!);
        await using var runtime = created = new RuntimeHost(store, registry, expressions, runtimeOptions, new WorkflowEngineOptions
        {
            TimeProvider = clock,
            Env = settings.Environment,
            Services = new ServeServices(backends, labelingStore, labelingCompletion),
            Observer = metrics,
        });

        using var nodeStop = new CancellationTokenSource();
        var node = Task.Run(() => runtime.RunAsync(nodeStop.Token), CancellationToken.None);
        WebApplication app;
        try
        {
            app = DataprepServer.Build(builder, new ServerComponents(store, runtime, registry)
            {
                Expressions = expressions,
                Time = clock,
                Metrics = metrics,
                NodeRunning = () => !node.IsCompleted,
                Events = new RuntimeEventIngestion(store, clock),
                Labeling = new LabelingJobs(labelingStore, new LabelingFiles(backends.Storage), clock, labelingCompletion),
            });
        }
        catch (ServerConfigurationException e)
        {
            await StopNodeAsync(nodeStop, node);
            throw new UserError(ServeErrorCodes.InvalidServerSettings, e.Message);
        }

        await using (app)
        {
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (Exception e) when (e is IOException or UriFormatException or InvalidOperationException or FormatException)
            {
                await StopNodeAsync(nodeStop, node);
                throw new UserError(ServeErrorCodes.AddressUnavailable, $"Cannot listen on '{urls}': {e.Message}");
            }

            await output.WriteLineAsync($"dataprep serve: listening on {string.Join(", ", app.Urls)}; store {store.Provider}; node {runtime.NodeId}. Ctrl+C stops.");
            await output.FlushAsync(CancellationToken.None);
            await app.WaitForShutdownAsync(cancellationToken);
            await app.StopAsync(CancellationToken.None);
        }

        await StopNodeAsync(nodeStop, node);
        await output.WriteLineAsync("dataprep serve: stopped; work in hand committed.");
        return 0;
    }

    private static async Task StopNodeAsync(CancellationTokenSource stop, Task node)
    {
        await stop.CancelAsync();
        await node;
    }
}
