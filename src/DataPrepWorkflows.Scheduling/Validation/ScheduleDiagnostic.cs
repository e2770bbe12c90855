namespace DataPrepWorkflows.Scheduling;

/// <summary>
/// A problem in a schedule trigger's inputs, in the shape the workflow validator reports (it maps these to its own
/// diagnostics, with the trigger's JSON pointer prefixed to <see cref="Field"/>).
/// </summary>
/// <param name="Code">Stable code, <c>DPW036</c>…<c>DPW039</c> (see <see cref="ScheduleDiagnosticCodes"/>).</param>
/// <param name="Field">The trigger input at fault (<c>cron</c>, <c>timeZone</c>, <c>interval</c>, <c>start</c>, <c>at</c>).</param>
/// <param name="Message">What is wrong and what to write instead.</param>
public sealed record ScheduleDiagnostic(string Code, string Field, string Message);

/// <summary>The codes of <see cref="ScheduleDiagnostic"/>; documented in docs/scheduling.md.</summary>
public static class ScheduleDiagnosticCodes
{
    /// <summary>The cron expression does not parse, or a 5-field expression cannot be converted exactly.</summary>
    public const string InvalidCron = "DPW036";

    /// <summary>The time zone is not a known IANA id.</summary>
    public const string UnknownTimeZone = "DPW037";

    /// <summary>The interval is not a positive duration (<c>PT15M</c>, <c>15m</c>).</summary>
    public const string InvalidInterval = "DPW038";

    /// <summary>The instant is not an ISO 8601 date-time with an offset (<c>2026-01-31T06:00:00Z</c>).</summary>
    public const string InvalidInstant = "DPW039";
}
