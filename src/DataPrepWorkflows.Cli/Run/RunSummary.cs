using System.Globalization;
using System.Text.Json;
using DataPrepWorkflows.Engine.Execution;
using Spectre.Console;

namespace DataPrepWorkflows.Cli.Run;

/// <summary>
/// The table printed after a run: each activity's status, attempts, duration and outcome (activities inside a ForEach
/// body summed over their runs), then the workflow's status, outputs or error.
/// </summary>
internal static class RunSummary
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Write(IAnsiConsole console, WorkflowRunResult result, IReadOnlyList<JournalEntry> journal, TimeSpan elapsed)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Activities[/]");
        table.AddColumns("Activity", "Type", "Status", "Runs", "Attempts", "Duration", "Outcome");
        foreach (var row in Rows(journal))
        {
            table.AddRow(
                Markup.Escape(row.Id),
                Markup.Escape(row.Type),
                StatusMarkup(row.Status),
                row.Runs.ToString(CultureInfo.InvariantCulture),
                row.Attempts.ToString(CultureInfo.InvariantCulture),
                FormatDuration(row.Duration),
                Markup.Escape(row.Outcome));
        }

        console.Write(table);
        console.MarkupLine($"Workflow [bold]{Markup.Escape(result.State.WorkflowId)}[/] v{result.State.WorkflowVersion} instance {Markup.Escape(result.InstanceId)}: {StatusMarkup(result.Status.ToString())} in {FormatDuration(elapsed)}");
        if (result.Error is { } error)
        {
            console.MarkupLine($"[red]error {Markup.Escape(error.Error)}[/] in activity '{Markup.Escape(error.ActivityId)}': {Markup.Escape(error.Cause)}");
        }

        if (result.Outputs.Count > 0)
        {
            console.WriteLine("Outputs:");
            console.WriteLine(result.Outputs.ToJsonString(Indented));
        }

        foreach (var bookmark in result.Bookmarks.Where(b => b.ResumeAt is null))
        {
            console.MarkupLine($"Waiting: activity '{Markup.Escape(bookmark.ActivityId)}' on {Markup.Escape(bookmark.Name)} (bookmark {Markup.Escape(bookmark.Id)})");
        }
    }

    public static string FormatDuration(TimeSpan d) => d.TotalSeconds switch
    {
        < 1 => $"{d.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms",
        < 60 => $"{d.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s",
        _ => d.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture),
    };

    private static string StatusMarkup(string status) => status switch
    {
        "Completed" or "Finished" => $"[green]{status}[/]",
        "Faulted" => $"[red]{status}[/]",
        "Suspended" or "Running" => $"[yellow]{status}[/]",
        _ => $"[grey]{status}[/]",
    };

    private static List<SummaryRow> Rows(IReadOnlyList<JournalEntry> journal)
    {
        var rows = new List<SummaryRow>();
        var byId = new Dictionary<string, SummaryRow>(StringComparer.Ordinal);
        foreach (var entry in journal)
        {
            if (entry.ActivityId is not { } id || entry.Event is JournalEvent.Log)
            {
                continue;
            }

            var key = (entry.ScopeId is null ? "" : "body:") + id;
            if (!byId.TryGetValue(key, out var row))
            {
                row = new SummaryRow { Id = entry.ScopeId is null ? id : "  ↳ " + id, Type = entry.ActivityType ?? "" };
                byId[key] = row;
                rows.Add(row);
            }

            row.Apply(entry);
        }

        return rows;
    }

    private sealed class SummaryRow
    {
        public required string Id { get; init; }

        public required string Type { get; init; }

        public string Status { get; private set; } = "Pending";

        public int Runs { get; private set; }

        public int Attempts { get; private set; }

        public TimeSpan Duration { get; private set; }

        public string Outcome { get; private set; } = "";

        public void Apply(JournalEntry e)
        {
            switch (e.Event)
            {
                case JournalEvent.Started:
                    Attempts++;
                    Runs += e.Attempt is null or 1 ? 1 : 0;
                    Status = "Running";
                    break;
                case JournalEvent.Completed:
                    Status = "Completed";
                    Duration += e.Duration ?? TimeSpan.Zero;
                    Outcome = string.Join(", ", e.Outcomes ?? []);
                    break;
                case JournalEvent.Faulted:
                    Status = "Faulted";
                    Duration += e.Duration ?? TimeSpan.Zero;
                    Outcome = e.Error?.Error ?? "";
                    break;
                case JournalEvent.Suspended:
                    Status = "Suspended";
                    break;
                case JournalEvent.Skipped:
                    Status = Runs == 0 ? "Skipped" : Status;
                    break;
                case JournalEvent.Cancelled:
                    Status = "Cancelled";
                    break;
                default:
                    break;
            }
        }
    }
}
