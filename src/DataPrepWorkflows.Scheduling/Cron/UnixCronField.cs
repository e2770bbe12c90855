using System.Globalization;

namespace DataPrepWorkflows.Scheduling.Cron;

/// <summary>
/// One field of a 5-field (Unix) cron expression: checks its syntax and range and expands it to the values it matches,
/// because the day-of-week field has to be renumbered for Quartz and the day fields decide whether days are OR-ed.
/// </summary>
internal sealed record UnixCronField(string Name, int Min, int Max, IReadOnlyList<string>? Names = null)
{
    public static readonly UnixCronField Minute = new("minute", 0, 59);
    public static readonly UnixCronField Hour = new("hour", 0, 23);
    public static readonly UnixCronField DayOfMonth = new("day-of-month", 1, 31);

    public static readonly UnixCronField Month = new(
        "month", 1, 12, ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]);

    // 7 is Sunday as well as 0, as in Vixie cron.
    public static readonly UnixCronField DayOfWeek = new("day-of-week", 0, 7, ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]);

    /// <summary>The values the field matches, or an error naming the item at fault.</summary>
    public (SortedSet<int>? Values, string? Error) Expand(string text)
    {
        var values = new SortedSet<int>();
        foreach (var item in text.Split(','))
        {
            var error = ExpandItem(item, values);
            if (error is not null)
            {
                return (null, error);
            }
        }

        return (values, null);
    }

    private string? ExpandItem(string item, SortedSet<int> values)
    {
        if (item.Length == 0)
        {
            return $"the {Name} field has an empty list item";
        }

        if (item.IndexOfAny(['?', 'L', 'W', '#']) >= 0 && !IsName(item))
        {
            return $"'{item}' in the {Name} field is Quartz syntax; write the expression in the 6-field Quartz form (seconds first)";
        }

        var slash = item.IndexOf('/', StringComparison.Ordinal);
        var rangeText = slash < 0 ? item : item[..slash];
        var step = 1;
        if (slash >= 0 && (!int.TryParse(item[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1))
        {
            return $"the step in '{item}' ({Name} field) must be a positive whole number";
        }

        int from, to;
        if (rangeText == "*")
        {
            (from, to) = (Min, Max);
        }
        else
        {
            var dash = rangeText.IndexOf('-', StringComparison.Ordinal);
            var fromError = Parse(dash < 0 ? rangeText : rangeText[..dash], out from);
            if (fromError is not null)
            {
                return fromError;
            }

            to = slash >= 0 && dash < 0 ? Max : from;
            if (dash >= 0)
            {
                var toError = Parse(rangeText[(dash + 1)..], out to);
                if (toError is not null)
                {
                    return toError;
                }

                if (to < from)
                {
                    return $"the range '{rangeText}' in the {Name} field runs backwards; write it from low to high";
                }
            }
        }

        for (var value = from; value <= to; value += step)
        {
            values.Add(value);
        }

        return null;
    }

    private string? Parse(string text, out int value)
    {
        if (Names is not null)
        {
            var index = Names.ToList().FindIndex(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                value = index + (Min == 0 ? 0 : 1);
                return null;
            }
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            return $"'{text}' is not a value of the {Name} field ({Min}-{Max}{(Names is null ? "" : $" or {Names[0]}-{Names[^1]}")})";
        }

        return value < Min || value > Max ? $"{value} is outside the {Name} field's range {Min}-{Max}" : null;
    }

    private bool IsName(string item) =>
        Names is not null && item.Split('-', '/').Any(part => Names.Contains(part, StringComparer.OrdinalIgnoreCase));
}
