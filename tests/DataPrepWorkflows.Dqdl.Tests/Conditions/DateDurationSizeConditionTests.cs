using DataPrepWorkflows.Dqdl.Conditions;
using DataPrepWorkflows.Dqdl.Rules;

namespace DataPrepWorkflows.Dqdl.Tests.Conditions;

public sealed class DateDurationSizeConditionTests
{
    private static readonly DateTimeOffset Now = new(2024, 3, 15, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("> (now() - 1 days)", "2024-03-15T00:00:00Z", true)]
    [InlineData("> (now() - 1 days)", "2024-03-14T11:59:59Z", false)]
    [InlineData(">= now()", "2024-03-15T12:00:00Z", true)]
    [InlineData("< (now() + 4 days)", "2024-03-19T11:00:00Z", true)]
    [InlineData("between (now() - 14 days) and now()", "2024-03-10T00:00:00Z", true)]
    [InlineData("between (now() - 14 days) and now()", "2024-03-15T12:00:00Z", false)]
    [InlineData("between \"2022-01-01\" and \"2022-12-31\"", "2022-06-01T00:00:00Z", true)]
    [InlineData("between \"2022-01-01\" and \"2022-12-31\"", "2022-01-01T00:00:00Z", false)]
    [InlineData("= \"2022-01-01\"", "2022-01-01T00:00:00Z", true)]
    [InlineData("in [(now() - 14 days),(now() - 7 days),\"2022-01-01\"]", "2024-03-08T12:00:00Z", true)]
    [InlineData("not in [\"2022-01-01\",NULL]", "2022-01-02T00:00:00Z", true)]
    [InlineData("> \"9:30 AM\"", "2024-03-15T10:00:00Z", true)]
    [InlineData("> \"19:30\"", "2024-03-15T19:00:00Z", false)]
    public void Date_condition_resolves_now_from_the_run_time(string condition, string value, bool expected)
    {
        var date = Condition<DateCondition>($"ColumnValues \"d\" {condition}");

        Assert.Equal(expected, date.Matches(DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture), Now));
    }

    [Fact]
    public void Date_null_operand_matches_missing_values()
    {
        var date = Condition<DateCondition>("ColumnValues \"d\" in [\"2022-01-01\",NULL]");

        Assert.True(date.Matches(null, Now));
    }

    [Fact]
    public void Time_of_day_is_today_in_the_rules_time_zone()
    {
        var date = Condition<DateCondition>("FileFreshness \"s3://b\" > \"9:30 AM\" with timeZone = \"America/New_York\"");

        // 9:30 in New York on 2024-03-15 (daylight time, UTC-4) is 13:30 UTC.
        Assert.Equal(new DateTimeOffset(2024, 3, 15, 13, 30, 0, TimeSpan.Zero), date.Operands[0].Resolve(Now));
        Assert.True(date.Matches(new DateTimeOffset(2024, 3, 15, 13, 31, 0, TimeSpan.Zero), Now));
    }

    [Theory]
    [InlineData("<= 3 days", 72.0, true)]
    [InlineData("<= 3 days", 72.1, false)]
    [InlineData("> 30 hours", 30.0, false)]
    [InlineData("between 2 days and 4 days", 48.0, false)]
    [InlineData("between 2 days and 4 days", 50.0, true)]
    [InlineData("in [3 hours,12 hours,1 days]", 24.0, true)]
    [InlineData("not between 10 minutes and 2 hours", 0.1, true)]
    public void Duration_condition_compares_time_spans(string condition, double hours, bool expected)
    {
        var duration = Condition<DurationCondition>($"DataFreshness \"d\" {condition}");

        Assert.Equal(expected, duration.Matches(TimeSpan.FromHours(hours)));
    }

    [Theory]
    [InlineData("FileSize between 1 B and 1 GB", 1024L, true)]
    [InlineData("FileSize between 1 B and 1 GB", 1L << 30, false)]
    [InlineData("FileSize not in [500 KB,150 GB]", 500L * 1024, false)]
    [InlineData("FileSize <= 1 TB", 1L << 40, true)]
    public void Size_condition_compares_bytes(string rule, long bytes, bool expected)
    {
        Assert.Equal(expected, Condition<SizeCondition>(rule).Matches(bytes));
    }

    [Fact]
    public void File_size_with_a_plain_number_counts_bytes()
    {
        Assert.True(Condition<NumberCondition>("FileSize > 1024").Matches(2048));
    }

    private static T Condition<T>(string rule)
        where T : DqCondition
    {
        var result = DqdlDocument.Parse($"Rules = [ {rule} ]");
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return Assert.IsType<T>(((DqRule)result.Document!.Rules[0]).Condition);
    }
}
