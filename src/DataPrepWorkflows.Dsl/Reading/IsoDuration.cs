using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DataPrepWorkflows.Dsl.Reading;

/// <summary>
/// ISO 8601 durations of fixed length: weeks, days, hours, minutes and (fractional) seconds, for example
/// <c>PT10M</c>, <c>P1DT12H</c>, <c>PT0.5S</c>. Years and months are refused because their length varies.
/// </summary>
internal static partial class IsoDuration
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        var match = Pattern().Match(text);
        if (!match.Success || text is "P" or "PT" || text.EndsWith('T'))
        {
            return false;
        }

        double Part(string name) => match.Groups[name].Success
            ? double.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture)
            : 0;

        var seconds = (Part("w") * 7 * 86400) + (Part("d") * 86400) + (Part("h") * 3600) + (Part("m") * 60) + Part("s");
        if (seconds > TimeSpan.MaxValue.TotalSeconds)
        {
            return false;
        }

        duration = TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
        return true;
    }

    /// <summary>The shortest form: <c>P1DT2H30M</c>, <c>PT0.5S</c>, <c>PT0S</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        var sign = duration < TimeSpan.Zero ? "-" : "";
        duration = duration.Duration();
        var text = new StringBuilder(sign).Append('P');
        if (duration.Days > 0)
        {
            text.Append(duration.Days.ToString(CultureInfo.InvariantCulture)).Append('D');
        }

        var time = duration - TimeSpan.FromDays(duration.Days);
        if (time > TimeSpan.Zero || duration == TimeSpan.Zero)
        {
            text.Append('T');
            if (time.Hours > 0)
            {
                text.Append(time.Hours.ToString(CultureInfo.InvariantCulture)).Append('H');
            }

            if (time.Minutes > 0)
            {
                text.Append(time.Minutes.ToString(CultureInfo.InvariantCulture)).Append('M');
            }

            var seconds = time.Ticks % TimeSpan.TicksPerMinute / (double)TimeSpan.TicksPerSecond;
            if (seconds > 0 || duration == TimeSpan.Zero)
            {
                text.Append(seconds.ToString("0.#######", CultureInfo.InvariantCulture)).Append('S');
            }
        }

        return text.ToString();
    }

    [GeneratedRegex(@"^P(?:(?<w>\d+)W)?(?:(?<d>\d+)D)?(?:T(?:(?<h>\d+)H)?(?:(?<m>\d+)M)?(?:(?<s>\d+(?:\.\d+)?)S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
