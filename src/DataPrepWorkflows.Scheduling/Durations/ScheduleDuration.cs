using System.Globalization;
using System.Text.RegularExpressions;

namespace DataPrepWorkflows.Scheduling.Durations;

/// <summary>
/// Reads a timer interval: an ISO 8601 duration without years or months (<c>PT15M</c>, <c>P1DT12H</c>) or the short
/// form <c>15m</c>, <c>1h30m</c>, <c>90s</c>, <c>2d</c>, <c>500ms</c>. Years and months are refused because their
/// length varies; a calendar rule belongs in a <c>Cron</c> trigger.
/// </summary>
internal static partial class ScheduleDuration
{
    public static bool TryParse(string? text, out TimeSpan duration, out string error)
    {
        duration = TimeSpan.Zero;
        var trimmed = text?.Trim() ?? "";
        var match = IsoPattern().Match(trimmed);
        if (!match.Success)
        {
            match = ShortPattern().Match(trimmed);
        }

        if (!match.Success || trimmed.Length == 0 || trimmed is "P" or "PT")
        {
            error = $"'{text}' is not a duration; write an ISO 8601 duration such as 'PT15M' or a short form such as '15m', '1h30m', '90s'";
            return false;
        }

        duration = TimeSpan.FromDays(Number(match, "d"))
            + TimeSpan.FromHours(Number(match, "h"))
            + TimeSpan.FromMinutes(Number(match, "m"))
            + TimeSpan.FromSeconds(Number(match, "s"))
            + TimeSpan.FromMilliseconds(Number(match, "ms"));
        if (duration <= TimeSpan.Zero)
        {
            error = $"'{text}' is not longer than zero; a timer needs a positive interval";
            return false;
        }

        error = "";
        return true;
    }

    private static double Number(Match match, string group) =>
        match.Groups[group].Success ? double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^P(?:(?<d>\d+(?:\.\d+)?)D)?(?:T(?:(?<h>\d+(?:\.\d+)?)H)?(?:(?<m>\d+(?:\.\d+)?)M)?(?:(?<s>\d+(?:\.\d+)?)S)?)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"^(?:(?<d>\d+(?:\.\d+)?)d)?(?:(?<h>\d+(?:\.\d+)?)h)?(?:(?<m>\d+(?:\.\d+)?)m(?!s))?(?:(?<s>\d+(?:\.\d+)?)s)?(?:(?<ms>\d+)ms)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ShortPattern();
}
