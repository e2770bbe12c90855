using System.Text.Json.Nodes;
using DataPrepWorkflows.Scheduling.Cron;
using DataPrepWorkflows.Scheduling.Durations;

namespace DataPrepWorkflows.Scheduling.Schedules;

/// <summary>
/// A schedule trigger checked and normalised: what the trigger index stores as the payload, and what the scheduler
/// turns into Quartz triggers. Built only through <see cref="Create"/>, so every spec in the index is valid.
/// </summary>
internal sealed record ScheduleSpec
{
    public required string Kind { get; init; }

    /// <summary>The cron text as written (Cron).</summary>
    public string? Cron { get; init; }

    /// <summary>The Quartz expressions it stands for (Cron).</summary>
    public IReadOnlyList<string> QuartzExpressions { get; init; } = [];

    /// <summary>IANA time zone id (Cron).</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>The interval (Timer).</summary>
    public TimeSpan Interval { get; init; }

    /// <summary>The first fire (Timer, optional) or the only one (StartAt).</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>Checks the trigger's inputs (by input name) and builds the spec, or returns the problems.</summary>
    public static (ScheduleSpec? Spec, IReadOnlyList<ScheduleDiagnostic> Problems) Create(string kind, Func<string, string?> input)
    {
        var problems = new List<ScheduleDiagnostic>();
        ScheduleSpec? spec = null;
        switch (kind)
        {
            case ScheduleKind.Cron:
                var conversion = CronExpressionConverter.Convert(input("cron"));
                if (!conversion.IsValid)
                {
                    problems.Add(new(ScheduleDiagnosticCodes.InvalidCron, "cron", conversion.Error!));
                }

                var zone = input("timeZone") ?? "UTC";
                if (!ScheduleTimeZone.TryFind(zone, out _))
                {
                    problems.Add(new(ScheduleDiagnosticCodes.UnknownTimeZone, "timeZone",
                        $"'{zone}' is not a known IANA time zone id; write for example 'Europe/Paris', 'America/New_York' or 'UTC'"));
                }

                spec = new() { Kind = kind, Cron = input("cron")?.Trim(), QuartzExpressions = conversion.QuartzExpressions, TimeZone = zone };
                break;
            case ScheduleKind.Timer:
                if (!ScheduleDuration.TryParse(input("interval"), out var interval, out var intervalError))
                {
                    problems.Add(new(ScheduleDiagnosticCodes.InvalidInterval, "interval", intervalError));
                }

                DateTimeOffset? start = null;
                if (input("start") is { } startText)
                {
                    if (ScheduleInstant.TryParse(startText, out var parsed, out var startError))
                    {
                        start = parsed;
                    }
                    else
                    {
                        problems.Add(new(ScheduleDiagnosticCodes.InvalidInstant, "start", startError));
                    }
                }

                spec = new() { Kind = kind, Interval = interval, Start = start };
                break;
            case ScheduleKind.StartAt:
                if (!ScheduleInstant.TryParse(input("at"), out var at, out var atError))
                {
                    problems.Add(new(ScheduleDiagnosticCodes.InvalidInstant, "at", atError));
                }

                spec = new() { Kind = kind, Start = at };
                break;
            default:
                throw new ArgumentException($"'{kind}' is not a schedule trigger type.", nameof(kind));
        }

        return problems.Count == 0 ? (spec, problems) : (null, problems);
    }

    /// <summary>The payload indexed for the trigger.</summary>
    public JsonObject ToPayload() => Kind switch
    {
        ScheduleKind.Cron => new JsonObject
        {
            ["kind"] = Kind,
            ["cron"] = Cron,
            ["quartz"] = new JsonArray([.. QuartzExpressions.Select(e => JsonValue.Create(e))]),
            ["timeZone"] = TimeZone,
        },
        ScheduleKind.Timer => new JsonObject
        {
            ["kind"] = Kind,
            ["interval"] = System.Xml.XmlConvert.ToString(Interval),
            ["start"] = Start?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        },
        _ => new JsonObject
        {
            ["kind"] = Kind,
            ["at"] = Start?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        },
    };

    /// <summary>Reads a payload written by <see cref="ToPayload"/> (re-checking it, since the index may be older than this code).</summary>
    public static (ScheduleSpec? Spec, IReadOnlyList<ScheduleDiagnostic> Problems) FromPayload(string kind, JsonObject payload) =>
        Create(kind, name => payload[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null);
}
