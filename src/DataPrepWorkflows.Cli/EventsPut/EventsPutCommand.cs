using System.CommandLine;
using DataPrepWorkflows.Cli.Console;
using DataPrepWorkflows.Cli.Watch;
using DataPrepWorkflows.Runtime.Events;

namespace DataPrepWorkflows.Cli.EventsPut;

/// <summary>
/// <c>dataprep events put --event &lt;json|@file&gt; [--workflows folder] [--wait]</c>: ingests events into the
/// embedded runtime as if EventBridge had delivered them (tests, replays) and prints, per event, the workflows started
/// or "duplicate". A running <c>dataprep watch</c> (or <c>--wait</c>) runs what was started.
/// </summary>
internal static class EventsPutCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var @event = new Option<string>("--event") { Description = "One event as JSON, a JSON array of events, or @file (JSON, or JSON Lines).", Required = true };
        var workflows = new Option<string?>("--workflows") { Description = "Publish this folder's workflows first." };
        var wait = new Option<bool>("--wait") { Description = "Run the started instances here and wait until they end." };
        var command = new Command("put", "Ingest EventBridge events into the embedded runtime, starting the workflows whose triggers match (exactly once per event id).")
        {
            @event, workflows, wait,
        };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse.GetRequiredValue(@event), parse.GetValue(workflows), parse.GetValue(wait), output, error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string eventOption, string? workflowsFolder, bool wait, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var events = EventInput.Read(eventOption);
        await using var runtime = await EmbeddedRuntime.OpenAsync(cancellationToken);
        if (workflowsFolder is not null)
        {
            await WorkflowFolderPublisher.PublishAsync(runtime, Path.GetFullPath(workflowsFolder), cancellationToken);
        }

        var started = new List<string>();
        foreach (var (text, number) in events.Select((e, i) => (e, i + 1)))
        {
            IngestionResult result;
            try
            {
                result = await runtime.Ingestor.IngestAsync(text, cancellationToken);
            }
            catch (InvalidEventException e)
            {
                throw new UserError(WatchErrorCodes.InvalidEvent, $"--event: event {number}: {e.Message}");
            }

            await output.WriteLineAsync($"event {result.EventId}:");
            foreach (var line in IngestionText.Lines(result))
            {
                await output.WriteLineAsync(line);
            }

            started.AddRange(result.Starts.Where(s => s.InstanceId is not null).Select(s => s.InstanceId!));
        }

        if (wait && started.Count > 0)
        {
            await RunUntilEndedAsync(runtime, started, output, cancellationToken);
        }

        return 0;
    }

    private static async Task RunUntilEndedAsync(EmbeddedRuntime runtime, List<string> instanceIds, TextWriter output, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var node = Task.Run(() => runtime.Node.RunAsync(stop.Token), CancellationToken.None);
        try
        {
            foreach (var id in instanceIds)
            {
                var record = await runtime.Node.WaitAsync(id, TimeSpan.FromMinutes(10), cancellationToken);
                await output.WriteLineAsync($"run {id} {record?.WorkflowId} v{record?.WorkflowVersion}: {record?.Status.ToString() ?? "unknown"}{(record?.ErrorMessage is { } m ? " — " + m : "")}");
            }
        }
        finally
        {
            await stop.CancelAsync();
            await node;
        }
    }
}
