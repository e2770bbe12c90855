using System.Globalization;
using DataPrepWorkflows.Engine.Execution;
using Spectre.Console;

namespace DataPrepWorkflows.Cli.Run;

/// <summary>
/// Live progress of a run: one line per activity event as it happens (started, completed, retried, faulted, suspended,
/// skipped) and the messages activities log. Activities inside a ForEach body are indented.
/// </summary>
internal sealed class RunProgress(IAnsiConsole console, DateTimeOffset startedAt) : IExecutionObserver
{
    private readonly Lock _gate = new();

    public void OnJournalEntry(JournalEntry entry)
    {
        var line = Describe(entry);
        if (line is null)
        {
            return;
        }

        var elapsed = (entry.Timestamp - startedAt).TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture).PadLeft(8);
        var indent = entry.ScopeId is null ? "" : "  ";
        lock (_gate)
        {
            console.MarkupLine($"[grey]{elapsed}s[/] {indent}{line}");
        }
    }

    private static string? Describe(JournalEntry e)
    {
        var id = Markup.Escape(e.ActivityId ?? "");
        var type = Markup.Escape(e.ActivityType ?? "");
        return e.Event switch
        {
            JournalEvent.WorkflowStarted => "[bold]workflow started[/]",
            JournalEvent.WorkflowResumed => "[bold]workflow resumed[/]",
            JournalEvent.Started => $"[blue]▶[/] {id} [grey]({type}{Attempt(e)})[/]",
            JournalEvent.Completed => $"[green]✓[/] {id} [grey]→ {Markup.Escape(string.Join(", ", e.Outcomes ?? []))}{Duration(e)}[/]",
            JournalEvent.Faulted => $"[red]✗[/] {id} [red]{Markup.Escape(e.Error?.Error ?? "")}[/]: {Markup.Escape(e.Error?.Cause ?? "")}",
            JournalEvent.Retried => $"[yellow]↻[/] {id} retry at {Markup.Escape(e.ResumeAt?.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture) ?? "once due")}: {Markup.Escape(e.Error?.Error ?? "")}",
            JournalEvent.Suspended => $"[yellow]⏸[/] {id} waiting{(e.ResumeAt is { } at ? " until " + at.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture) : "")}",
            JournalEvent.Resumed => $"[blue]⏵[/] {id} resumed",
            JournalEvent.Skipped => $"[grey]· {id} skipped[/]",
            JournalEvent.Cancelled => $"[grey]⊘ {id} cancelled[/]",
            JournalEvent.Log => $"[grey]  {id}:[/] {Markup.Escape(e.Message ?? "")}",
            _ => null,
        };
    }

    private static string Attempt(JournalEntry e) => e.Attempt is > 1 ? $", attempt {e.Attempt}" : "";

    private static string Duration(JournalEntry e) =>
        e.Duration is { } d ? $" in {RunSummary.FormatDuration(d)}" : "";
}
