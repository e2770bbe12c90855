using System.Globalization;

namespace DataPrepWorkflows.Scheduling.Durations;

/// <summary>
/// Reads an instant: ISO 8601 with an offset or <c>Z</c>. A local time without an offset is refused, because it is
/// ambiguous across servers in different zones and around daylight-saving changes.
/// </summary>
internal static class ScheduleInstant
{
    public static bool TryParse(string? text, out DateTimeOffset instant, out string error)
    {
        var trimmed = text?.Trim() ?? "";
        var hasOffset = trimmed.EndsWith('Z') || trimmed.EndsWith('z')
            || (trimmed.Length > 6 && (trimmed[^6] is '+' or '-') && trimmed[^3] == ':');
        if (hasOffset && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant))
        {
            error = "";
            return true;
        }

        instant = default;
        error = $"'{text}' is not an ISO 8601 instant with an offset; write for example '2026-01-31T06:00:00Z' or '2026-01-31T07:00:00+01:00'";
        return false;
    }
}
