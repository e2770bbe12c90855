using System.Globalization;
using Quartz;

namespace DataPrepWorkflows.Scheduling.Cron;

/// <summary>
/// Turns a workflow's <c>cron</c> text into Quartz cron expressions. Accepts the Quartz form (6 or 7 fields, seconds
/// first, <c>?</c> in one day field), the 5-field Unix form and the <c>@daily</c>-style macros. The Unix form is
/// converted exactly: day-of-week 0–7 (0 and 7 Sunday) becomes Quartz's 1–7 (1 Sunday), and the Vixie rule for the
/// two day fields is kept — when both are restricted a day matches if EITHER does (two Quartz triggers), and when one
/// starts with <c>*</c> both must match.
/// </summary>
internal static class CronExpressionConverter
{
    private static readonly Dictionary<string, string> Macros = new(StringComparer.OrdinalIgnoreCase)
    {
        ["@yearly"] = "0 0 0 1 1 ?",
        ["@annually"] = "0 0 0 1 1 ?",
        ["@monthly"] = "0 0 0 1 * ?",
        ["@weekly"] = "0 0 0 ? * 1",
        ["@daily"] = "0 0 0 * * ?",
        ["@midnight"] = "0 0 0 * * ?",
        ["@hourly"] = "0 0 * * * ?",
    };

    public static CronConversion Convert(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return CronConversion.Fail("the cron expression is empty; write for example '0 6 * * *' (06:00 every day)");
        }

        if (trimmed.StartsWith('@'))
        {
            return Macros.TryGetValue(trimmed, out var macro)
                ? CronConversion.Of(macro)
                : CronConversion.Fail($"'{trimmed}' is not a cron macro; use one of {string.Join(", ", Macros.Keys)}");
        }

        var fields = trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var conversion = fields.Length switch
        {
            5 => FromUnix(fields),
            6 or 7 => FromQuartz(string.Join(' ', fields)),
            _ => CronConversion.Fail(
                $"'{trimmed}' has {fields.Length} fields; write 5 (minute hour day-of-month month day-of-week) or 6-7 (Quartz: seconds first)"),
        };
        return conversion.IsValid && conversion.QuartzExpressions.All(NeverFires)
            ? CronConversion.Fail($"'{trimmed}' never fires (no date matches it, e.g. 31 February); check the day-of-month and month fields")
            : conversion;
    }

    // Judged from a fixed instant so the verdict does not depend on the clock: only impossible dates (and years long past) fail.
    private static bool NeverFires(string quartzExpression) =>
        new CronExpression(quartzExpression).GetTimeAfter(DateTimeOffset.UnixEpoch) is null;

    private static CronConversion FromQuartz(string expression)
    {
        try
        {
            CronExpression.ValidateExpression(expression);
            return CronConversion.Of(expression.ToUpperInvariant());
        }
        catch (FormatException e)
        {
            return CronConversion.Fail($"'{expression}' is not a valid Quartz cron expression: {e.Message}");
        }
    }

    private static CronConversion FromUnix(string[] fields)
    {
        var parts = new[] { UnixCronField.Minute, UnixCronField.Hour, UnixCronField.DayOfMonth, UnixCronField.Month, UnixCronField.DayOfWeek };
        var sets = new SortedSet<int>[5];
        for (var i = 0; i < 5; i++)
        {
            var (values, error) = parts[i].Expand(fields[i]);
            if (error is not null)
            {
                return CronConversion.Fail($"'{string.Join(' ', fields)}': {error}");
            }

            sets[i] = values!;
        }

        var prefix = $"0 {fields[0]} {fields[1]}";
        var month = fields[3].ToUpperInvariant();
        var dom = fields[2];
        var dow = QuartzDaysOfWeek(sets[4]);
        var domAll = sets[2].Count == 31;
        var dowAll = dow is null;
        var domStar = dom.StartsWith('*');
        var dowStar = fields[4].StartsWith('*');

        string Expression(string dayOfMonth, string dayOfWeek) => $"{prefix} {dayOfMonth} {month} {dayOfWeek}";

        if (domAll && dowAll)
        {
            return Validated(Expression("*", "?"));
        }

        if (domStar || dowStar)
        {
            // Vixie cron: when either day field starts with '*', a day must match both fields.
            if (domAll)
            {
                return Validated(Expression("?", dow!));
            }

            if (dowAll)
            {
                return Validated(Expression(dom, "?"));
            }

            return CronConversion.Fail(
                $"'{string.Join(' ', fields)}' needs a day to match both day-of-month '{dom}' and day-of-week '{fields[4]}', "
                + "which Quartz cannot express; restrict only one of the two day fields");
        }

        // Both restricted and neither starts with '*': a day matches when either field does.
        if (domAll || dowAll)
        {
            return Validated(Expression("*", "?"));
        }

        return Validated(Expression(dom, "?"), Expression("?", dow!));
    }

    /// <summary>Quartz's day-of-week list (1 = Sunday) for Unix days (0 or 7 = Sunday), or null when every day.</summary>
    private static string? QuartzDaysOfWeek(SortedSet<int> unixDays)
    {
        var quartz = new SortedSet<int>(unixDays.Select(d => (d % 7) + 1));
        return quartz.Count == 7 ? null : string.Join(',', quartz.Select(d => d.ToString(CultureInfo.InvariantCulture)));
    }

    private static CronConversion Validated(params string[] expressions)
    {
        foreach (var expression in expressions)
        {
            var check = FromQuartz(expression);
            if (!check.IsValid)
            {
                return check;
            }
        }

        return CronConversion.Of(expressions);
    }
}
