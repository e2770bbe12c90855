using System.CommandLine;
using DataPrepWorkflows.Cli.Console;
using DataPrepWorkflows.Events.Testing;

namespace DataPrepWorkflows.Cli.Events;

/// <summary>
/// <c>dataprep events test-pattern --event-pattern &lt;json|@file&gt; --event &lt;json|@file&gt;</c>: answers exactly as
/// <c>aws events test-event-pattern</c> does — the Result document, or AWS's error text with a non-zero exit code.
/// </summary>
internal static class EventsCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var pattern = new Option<string>("--event-pattern") { Description = "The event pattern as JSON, or @file.", Required = true };
        var @event = new Option<string>("--event") { Description = "The event as JSON, or @file.", Required = true };
        var test = new Command("test-pattern", "Test whether an event matches an EventBridge event pattern (as aws events test-event-pattern).")
        {
            pattern, @event,
        };
        test.SetAction(async (parse, _) =>
        {
            var result = TestEventPatternCommand.Run(Read(parse.GetRequiredValue(pattern), "--event-pattern"), Read(parse.GetRequiredValue(@event), "--event"));
            await output.WriteAsync(result.StandardOutput);
            await error.WriteAsync(result.StandardError);
            return result.ExitCode;
        });
        return new Command("events", "EventBridge events and event patterns.")
        {
            test,
            EventsDeploy.EventsDeployCommand.Create(output, error),
            EventsPut.EventsPutCommand.Create(output, error),
        };
    }

    /// <summary>A value as the AWS CLI takes it: the text itself, or the content of a file written as <c>@path</c> or <c>file://path</c>.</summary>
    private static string Read(string value, string option)
    {
        var path = value.StartsWith('@') ? value[1..] : value.StartsWith("file://", StringComparison.Ordinal) ? value["file://".Length..] : null;
        if (path is null)
        {
            return value;
        }

        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new UserError(CliErrorCodes.FileNotFound, $"{option}: file '{path}' does not exist.");
    }
}
