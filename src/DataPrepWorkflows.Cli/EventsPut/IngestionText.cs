using DataPrepWorkflows.Runtime.Events;

namespace DataPrepWorkflows.Cli.EventsPut;

/// <summary>How the local commands print what an event did: one line per matched workflow.</summary>
internal static class IngestionText
{
    public static IEnumerable<string> Lines(IngestionResult result)
    {
        if (result.Starts.Count == 0)
        {
            yield return $"  {result.EventId}: no workflow's trigger matches";
        }

        foreach (var start in result.Starts)
        {
            yield return start.Outcome switch
            {
                IngestOutcome.Started => $"  {result.EventId}: started {start.WorkflowId} v{start.Version} instance {start.InstanceId}",
                IngestOutcome.Batched => $"  {result.EventId}: batched for {start.WorkflowId} v{start.Version} (batch {start.BatchItemId})",
                _ => $"  {result.EventId}: duplicate for {start.WorkflowId} (already accepted; nothing started)",
            };
        }
    }
}
