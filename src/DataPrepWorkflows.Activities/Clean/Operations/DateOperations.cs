using System.Text.Json;

namespace DataPrepWorkflows.Activities.Clean.Operations;

/// <summary>Dates and times: formatting, arithmetic, parts. Text is read as ISO dates/timestamps; unreadable values give missing.</summary>
internal static class DateOperations
{
    private const string Category = "Dates";

    private static readonly string[] Units = ["YEARS", "QUARTERS", "MONTHS", "WEEKS", "DAYS", "HOURS", "MINUTES", "SECONDS", "MILLISECONDS", "MICROSECONDS"];

    public static IEnumerable<OperationDefinition> All()
    {
        yield return new("FORMAT_DATE", Category, "Rewrites the dates in sourceColumn in targetDateFormat.",
            [P.Source, P.Choice("targetDateFormat", "The new format.", ["mm/dd/yyyy", "mm-dd-yyyy", "dd month yyyy", "month yyyy", "dd month", "yyyy-mm-dd", "dd/mm/yyyy", "dd-mm-yyyy", "yyyy/mm/dd"])])
        {
            Compiler = s => s.Replace(s.Column("sourceColumn"), DateFormats.Format(Sql.AsTimestamp(s.Col("sourceColumn")), s.Text("targetDateFormat"))),
        };
        yield return new("DATE_FORMAT", Category, "Adds targetColumn: the date in sourceColumn (or value) written in dateTimeFormat.",
            [P.OptionalSource, P.Value, P.Text("dateTimeFormat", "The format, e.g. mm/dd/yyyy.", false, DateFormats.Default), P.Target])
        {
            ExactlyOneOf = [["sourceColumn", "value"]],
            Compiler = s => s.AddAfterSource(DateFormats.Format(Sql.AsTimestamp(s.SourceOrValue()), s.Text("dateTimeFormat"))),
        };
        yield return new("DATE_ADD", Category, "Adds targetColumn: the date in sourceColumn (or value) plus dateAddValue units, written in dateTimeFormat.",
            [P.OptionalSource, P.Value, P.Choice("units", "The unit of dateAddValue.", Units), P.Integer("dateAddValue", "How many units to add (negative subtracts)."),
             P.Text("dateTimeFormat", "The format of the result.", false, DateFormats.Default), P.Target])
        {
            ExactlyOneOf = [["sourceColumn", "value"]],
            Compiler = s =>
            {
                var amount = s.Integer("dateAddValue").ToString(System.Globalization.CultureInfo.InvariantCulture);
                var interval = Interval(s.Choice("units")).Replace("#", amount, StringComparison.Ordinal);
                return s.AddAfterSource(DateFormats.Format($"{Sql.AsTimestamp(s.SourceOrValue())} + {interval}", s.Text("dateTimeFormat")));
            },
        };
        yield return new("DATE_DIFF", Category, "Adds targetColumn: the number of whole units from the first date to the second (sourceColumn1/value1, sourceColumn2/value2).",
            [P.Col("sourceColumn1", "The first date column.", false), P.Text("value1", "The first date.", false), P.Col("sourceColumn2", "The second date column.", false),
             P.Text("value2", "The second date.", false), P.Choice("units", "The unit of the difference.", Units), P.Target])
        {
            ExactlyOneOf = [["sourceColumn1", "value1"], ["sourceColumn2", "value2"]],
            Compiler = s =>
            {
                var first = Sql.AsTimestamp(s.SourceOrValue("sourceColumn1", "value1"));
                var second = Sql.AsTimestamp(s.SourceOrValue("sourceColumn2", "value2"));
                var part = s.Choice("units") switch
                {
                    "YEARS" => "year",
                    "QUARTERS" => "quarter",
                    "MONTHS" => "month",
                    "WEEKS" => "week",
                    "DAYS" => "day",
                    "HOURS" => "hour",
                    "MINUTES" => "minute",
                    "SECONDS" => "second",
                    "MILLISECONDS" => "millisecond",
                    _ => "microsecond",
                };
                return s.Add(s.Has("sourceColumn2") ? s.Column("sourceColumn2") : s.Has("sourceColumn1") ? s.Column("sourceColumn1") : null,
                    (s.Text("targetColumn"), $"date_diff('{part}', {first}, {second})"));
            },
        };
        yield return new("DATE", Category,
            "Adds targetColumn: a date/time built from dateTimeParameters ({\"year\":{\"sourceColumn\":\"y\"},\"month\":{\"value\":\"1\"},…}; missing parts are 1 for month/day, 0 for time), written in dateTimeFormat.",
            [P.Map("dateTimeParameters", "Where each of year, month, day, hour, minute, second comes from."), P.Text("dateTimeFormat", "The format of the result.", false, DateFormats.Default), P.Target])
        {
            Compiler = Build,
        };
        yield return Part("YEAR", "year");
        yield return Part("MONTH", "month");
        yield return Part("DAY", "day");
        yield return Part("HOUR", "hour");
        yield return Part("MINUTE", "minute");
        yield return Part("SECOND", "second");
        yield return Part("WEEK_DAY", "isodow");
    }

    /// <summary>An interval literal with '#' standing for the amount.</summary>
    private static string Interval(string units) => units switch
    {
        "YEARS" => "INTERVAL (#) YEAR",
        "QUARTERS" => "INTERVAL (3 * #) MONTH",
        "MONTHS" => "INTERVAL (#) MONTH",
        "WEEKS" => "INTERVAL (7 * #) DAY",
        "DAYS" => "INTERVAL (#) DAY",
        "HOURS" => "INTERVAL (#) HOUR",
        "MINUTES" => "INTERVAL (#) MINUTE",
        "SECONDS" => "INTERVAL (#) SECOND",
        "MILLISECONDS" => "INTERVAL (#) MILLISECOND",
        _ => "INTERVAL (#) MICROSECOND",
    };

    private static OperationDefinition Part(string name, string part) =>
        new(name, Category, $"Adds targetColumn: the {(part == "isodow" ? "day of the week (1 = Monday … 7 = Sunday)" : part)} of the date in sourceColumn (or value).",
            [P.OptionalSource, P.Value, P.Text("dateTimeFormat", "Accepted for compatibility; text is read as ISO dates.", false), P.Target])
        {
            ExactlyOneOf = [["sourceColumn", "value"]],
            Compiler = s => s.AddAfterSource($"date_part('{part}', {Sql.AsTimestamp(s.SourceOrValue())})"),
        };

    private static StepPlan Build(StepContext s)
    {
        using var parameters = JsonDocument.Parse(s.Text("dateTimeParameters"));
        string Piece(string name, string fallback)
        {
            if (!parameters.RootElement.TryGetProperty(name, out var piece) || piece.ValueKind != JsonValueKind.Object)
            {
                return fallback;
            }

            if (piece.TryGetProperty("sourceColumn", out var column))
            {
                return Sql.AsDouble(Sql.Id(s.Resolve(column.GetString() ?? "")));
            }

            return piece.TryGetProperty("value", out var value) ? Sql.AsDouble(Sql.Str(value.ToString())) : fallback;
        }

        var timestamp = $"make_timestamp(CAST({Piece("year", "1970")} AS BIGINT), CAST({Piece("month", "1")} AS BIGINT), CAST({Piece("day", "1")} AS BIGINT), " +
            $"CAST({Piece("hour", "0")} AS BIGINT), CAST({Piece("minute", "0")} AS BIGINT), {Piece("second", "0")})";
        return s.Add(null, (s.Text("targetColumn"), DateFormats.Format(timestamp, s.Text("dateTimeFormat"))));
    }
}
