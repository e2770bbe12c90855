using System.Globalization;

namespace DataPrepWorkflows.Activities.Features;

/// <summary>Event times as Feature Store accepts them: ISO-8601 UTC strings with second or millisecond precision, or epoch seconds.</summary>
internal static class EventTime
{
    private static readonly string[] IsoFormats = ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.fff'Z'"];

    /// <summary>Parses <paramref name="text"/> as the event time of a feature of <paramref name="type"/> into epoch milliseconds.</summary>
    public static bool TryParse(string? text, FeatureType type, out long epochMilliseconds)
    {
        epochMilliseconds = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (type == FeatureType.Fractional)
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                || seconds < FeatureSql.MinEpochSeconds || seconds > FeatureSql.MaxEpochSeconds)
            {
                return false;
            }

            epochMilliseconds = (long)Math.Round(seconds * 1000);
            return true;
        }

        if (!DateTime.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
        {
            return false;
        }

        epochMilliseconds = (long)(time - DateTime.UnixEpoch).TotalMilliseconds;
        return true;
    }

    /// <summary>The message for an event time that does not parse.</summary>
    public static string Expected(FeatureType type) => type == FeatureType.Fractional
        ? "seconds since the Unix epoch (for example 1714564800.123)"
        : "ISO-8601 UTC yyyy-MM-dd'T'HH:mm:ssZ or yyyy-MM-dd'T'HH:mm:ss.SSSZ (for example 2024-05-01T12:00:00Z)";
}
