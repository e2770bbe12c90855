using System.CommandLine;
using DataPrepWorkflows.Events.Envelope;
using DataPrepWorkflows.Events.S3;
using DataPrepWorkflows.Events.Sources.Local;

namespace DataPrepWorkflows.Cli.Watch;

/// <summary>
/// <c>dataprep watch [--workflows workflows/]</c>: publishes the folder's workflows into the embedded store, then
/// watches the local storage folder and runs a runtime node until Ctrl+C — dropping a file into
/// <c>.dataprep/s3/&lt;bucket&gt;/…</c> starts every workflow whose trigger wants it. Prints each event, each start
/// and each run's outcome.
/// </summary>
internal static class WatchCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var workflows = new Option<string>("--workflows") { Description = "The folder of workflow files to publish.", DefaultValueFactory = _ => "workflows" };
        var command = new Command("watch", "Publish the workflows, watch the local storage folder and run the workflows its file events trigger, until Ctrl+C.")
        {
            workflows,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(workflows)!, output, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string workflowsFolder, TextWriter output, CancellationToken cancellationToken)
    {
        await using var runtime = await EmbeddedRuntime.OpenAsync(cancellationToken);
        var published = await WorkflowFolderPublisher.PublishAsync(runtime, Path.GetFullPath(workflowsFolder), cancellationToken);
        var gate = new SemaphoreSlim(1, 1);
        async Task Say(string line)
        {
            await gate.WaitAsync(CancellationToken.None);
            try
            {
                await output.WriteLineAsync(line);
                await output.FlushAsync(CancellationToken.None);
            }
            finally
            {
                gate.Release();
            }
        }

        runtime.Node.InstanceSettled += record =>
            _ = Say($"run {record.InstanceId} {record.WorkflowId} v{record.WorkflowVersion}: {record.Status}{(record.ErrorMessage is { } m ? " — " + m : "")}");

        var watcher = new LocalStorageWatcher(
            new LocalWatcherOptions
            {
                StorageRoot = runtime.StorageRoot,
                CheckpointPath = Path.Combine(runtime.Host.StateFolder, "events", "local-watcher.json"),
            },
            TimeProvider.System);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var node = Task.Run(() => runtime.Node.RunAsync(stop.Token), CancellationToken.None);
        var names = string.Join(", ", published.Select(p => $"{p.WorkflowId} v{p.Version}"));
        try
        {
            // The first look (the starting point on a first run; what landed while nothing watched otherwise) is taken
            // before saying "watching", so a file dropped after that line is always reported.
            async ValueTask OnEvent(DataPrepWorkflows.Events.Envelope.EventBridgeEvent @event, CancellationToken ct) => await IngestAsync(runtime, @event, Say, ct);
            await watcher.ScanAsync(OnEvent, stop.Token);
            await Say($"dataprep watch: {published.Count} workflow(s) published ({names}); watching {runtime.StorageRoot}; Ctrl+C stops.");
            await watcher.RunAsync(OnEvent, stop.Token);
        }
        finally
        {
            await stop.CancelAsync();
            await node;
        }

        await Say("dataprep watch: stopped; work in hand committed.");
        return 0;
    }

    private static async ValueTask IngestAsync(EmbeddedRuntime runtime, EventBridgeEvent @event, Func<string, Task> say, CancellationToken cancellationToken)
    {
        var detail = @event.DetailAs<S3ObjectEventDetail>();
        await say($"event {@event.Id}: {@event.DetailType} s3://{detail?.Bucket.Name}/{detail?.Object.Key}");
        var result = await runtime.Ingestor.IngestAsync(@event, cancellationToken);
        foreach (var line in EventsPut.IngestionText.Lines(result))
        {
            await say(line);
        }
    }
}
