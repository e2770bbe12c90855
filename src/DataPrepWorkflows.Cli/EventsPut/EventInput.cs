using System.Text.Json;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Cli.Console;
using DataPrepWorkflows.Cli.Watch;

namespace DataPrepWorkflows.Cli.EventsPut;

/// <summary>
/// The events of <c>--event</c>: inline JSON or <c>@file</c> holding one event object, a JSON array of events, or
/// JSON Lines (one event per line).
/// </summary>
internal static class EventInput
{
    public static IReadOnlyList<string> Read(string value)
    {
        var text = value;
        if (value.StartsWith('@') || value.StartsWith("file://", StringComparison.Ordinal))
        {
            var path = value.StartsWith('@') ? value[1..] : value["file://".Length..];
            text = File.Exists(path)
                ? File.ReadAllText(path)
                : throw new UserError(WatchErrorCodes.EventFileNotFound, $"--event: file '{path}' does not exist.");
        }

        try
        {
            return JsonNode.Parse(text) switch
            {
                JsonArray array => array.Select((e, i) => e is JsonObject o ? o.ToJsonString() : throw Invalid($"item {i + 1} of the array is not an event object")).ToList(),
                JsonObject single => [single.ToJsonString()],
                _ => throw Invalid("expected an event object, an array of events or JSON Lines"),
            };
        }
        catch (JsonException) when (text.Contains('\n', StringComparison.Ordinal))
        {
            return JsonLines(text);
        }
        catch (JsonException e)
        {
            throw Invalid(e.Message);
        }
    }

    private static List<string> JsonLines(string text)
    {
        var events = new List<string>();
        var number = 0;
        foreach (var line in text.Split('\n'))
        {
            number++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            try
            {
                events.Add(JsonNode.Parse(line) is JsonObject o ? o.ToJsonString() : throw Invalid($"line {number} is not an event object"));
            }
            catch (JsonException e)
            {
                throw Invalid($"line {number}: {e.Message}");
            }
        }

        return events;
    }

    private static UserError Invalid(string why) =>
        new(WatchErrorCodes.InvalidEvent, $"--event: {why}. Give one EventBridge event as JSON, a JSON array of events, or @file with either or with JSON Lines.");
}
