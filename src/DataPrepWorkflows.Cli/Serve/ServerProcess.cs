using DataPrepWorkflows.Activities.Backends;
using DataPrepWorkflows.Aws.Sources;
using DataPrepWorkflows.Aws.Sqs;
using DataPrepWorkflows.Cli.Configuration;
using DataPrepWorkflows.Cli.Console;
using DataPrepWorkflows.Cli.Hosting;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Engine.Expressions;
using DataPrepWorkflows.Http.Hosting;
using DataPrepWorkflows.Labeling.Output;
using DataPrepWorkflows.Labeling.Running;
using DataPrepWorkflows.Labeling.Store;
using DataPrepWorkflows.Persistence;
using DataPrepWorkflows.Runtime;
using DataPrepWorkflows.Runtime.Events;
using DataPrepWorkflows.Scheduling;
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
        var registry = CliHost.BuildRegistry(settings);
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
        await using var scheduler = new WorkflowScheduler(runtime, ScheduleOptions(persistence, backends.StateFolder, runtime.NodeId), clock);
        await scheduler.StartAsync(cancellationToken);
        var sqsOptions = config.Sqs();
        using var sqsClient = sqsOptions is null ? null : new SqsClient(config.SqsClient(), timeProvider: clock);
        var sqs = sqsOptions is not null && sqsClient is not null
            ? Task.Run(() => new SqsEventSource(sqsClient, new SqsIngestionSink(new EventIngestor(store, clock)), sqsOptions, clock).RunAsync(nodeStop.Token), CancellationToken.None)
            : Task.CompletedTask;
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
                // Each HTTP trigger decides who may call it (its `authorization`: anonymous by default, or a role) and the
                // handler enforces it, so the server's default of a viewer key everywhere does not apply to these routes.
                MapExtensions = endpoints => endpoints.MapHttpWorkflows().AllowAnonymous(),
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
        await sqs;
        await output.WriteLineAsync("dataprep serve: stopped; work in hand committed.");
        return 0;
    }

    /// <summary>
    /// Quartz keeps schedules beside the runtime store: a SQLite file in the state folder for one node, or the same
    /// PostgreSQL database, clustered, so a schedule fires on one node of several.
    /// </summary>
    private static WorkflowSchedulerOptions ScheduleOptions(PersistenceOptions persistence, string stateFolder, string nodeId) =>
        persistence.Provider == "postgresql"
            ? new WorkflowSchedulerOptions
            {
                Provider = ScheduleStoreProvider.PostgreSql,
                ConnectionString = persistence.ConnectionString ?? "",
                Clustered = true,
                InstanceId = nodeId,
                ConnectionFactory = connection => new Npgsql.NpgsqlConnection(connection),
            }
            : new WorkflowSchedulerOptions { ConnectionString = $"Data Source={Path.Combine(stateFolder, "schedule.db")}", InstanceId = nodeId };

    private static async Task StopNodeAsync(CancellationTokenSource stop, Task node)
    {
        await stop.CancelAsync();
        await node;
    }
}
