namespace DataPrepWorkflows.Scheduling.Schedules;

/// <summary>Finds a time zone by IANA id (also on Windows, where the system ids differ).</summary>
internal static class ScheduleTimeZone
{
    public static bool TryFind(string id, out TimeZoneInfo zone)
    {
        if (string.Equals(id, "UTC", StringComparison.OrdinalIgnoreCase))
        {
            zone = TimeZoneInfo.Utc;
            return true;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found)
            || (TimeZoneInfo.TryConvertIanaIdToWindowsId(id, out var windowsId)
                && TimeZoneInfo.TryFindSystemTimeZoneById(windowsId, out found)))
        {
            zone = found;
            return true;
        }

        zone = TimeZoneInfo.Utc;
        return false;
    }
}
