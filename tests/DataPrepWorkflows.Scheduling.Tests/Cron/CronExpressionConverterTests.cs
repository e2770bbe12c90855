using DataPrepWorkflows.Scheduling.Cron;

namespace DataPrepWorkflows.Scheduling.Tests.Cron;

public sealed class CronExpressionConverterTests
{
    [Theory]
    // Unix 5-field → Quartz (seconds first, '?' in the unrestricted day field).
    [InlineData("* * * * *", "0 * * * * ?")]
    [InlineData("0 6 * * *", "0 0 6 * * ?")]
    [InlineData("*/15 9-17 * * *", "0 */15 9-17 * * ?")]
    [InlineData("5/10 * * * *", "0 5/10 * * * ?")]
    [InlineData("0 0 1 * *", "0 0 0 1 * ?")]
    [InlineData("0 0 1,15 jan,jul *", "0 0 0 1,15 JAN,JUL ?")]
    // Day-of-week: Unix 0-7 (0 and 7 = Sunday) → Quartz 1-7 (1 = Sunday).
    [InlineData("0 6 * * 0", "0 0 6 ? * 1")]
    [InlineData("0 6 * * 7", "0 0 6 ? * 1")]
    [InlineData("0 6 * * 1-5", "0 0 6 ? * 2,3,4,5,6")]
    [InlineData("0 6 * * 5-7", "0 0 6 ? * 1,6,7")]
    [InlineData("0 6 * * MON-FRI", "0 0 6 ? * 2,3,4,5,6")]
    [InlineData("0 6 * * sat,sun", "0 0 6 ? * 1,7")]
    [InlineData("0 6 * * */2", "0 0 6 ? * 1,3,5,7")]
    [InlineData("0 6 * * 0-6", "0 0 6 * * ?")]
    // A day field starting with '*' makes the two day fields AND-ed (Vixie cron).
    [InlineData("0 6 */2 * *", "0 0 6 */2 * ?")]
    [InlineData("0 6 1-31 * 1", "0 0 6 * * ?")]
    // Macros.
    [InlineData("@daily", "0 0 0 * * ?")]
    [InlineData("@hourly", "0 0 * * * ?")]
    [InlineData("@weekly", "0 0 0 ? * 1")]
    [InlineData("@yearly", "0 0 0 1 1 ?")]
    // Quartz form passes through (upper-cased).
    [InlineData("0 0 6 ? * mon-fri", "0 0 6 ? * MON-FRI")]
    [InlineData("0 30 2 L * ?", "0 30 2 L * ?")]
    [InlineData("0 0 12 ? * 6#3 2030", "0 0 12 ? * 6#3 2030")]
    public void Convert_ValidExpression_GivesQuartz(string text, string quartz)
    {
        var result = CronExpressionConverter.Convert(text);

        Assert.Null(result.Error);
        Assert.Equal([quartz], result.QuartzExpressions);
    }

    [Fact]
    public void Convert_BothDayFieldsRestricted_FiresOnEitherThroughTwoExpressions()
    {
        var result = CronExpressionConverter.Convert("0 6 1,15 * 1");

        Assert.Equal(["0 0 6 1,15 * ?", "0 0 6 ? * 2"], result.QuartzExpressions);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("0 6 * *", "4 fields")]
    [InlineData("60 * * * *", "60 is outside the minute field's range 0-59")]
    [InlineData("0 24 * * *", "outside the hour field's range")]
    [InlineData("0 6 0 * *", "outside the day-of-month field's range")]
    [InlineData("0 6 * 13 *", "outside the month field's range")]
    [InlineData("0 6 * * 8", "outside the day-of-week field's range")]
    [InlineData("0 6 * * MON-XYZ", "'XYZ' is not a value of the day-of-week field")]
    [InlineData("0 6 ? * *", "Quartz syntax")]
    [InlineData("0 6 L * *", "Quartz syntax")]
    [InlineData("0 6 * * 5#3", "Quartz syntax")]
    [InlineData("0 17-9 * * *", "runs backwards")]
    [InlineData("*/0 * * * *", "positive whole number")]
    [InlineData("0 6 */2 * 1", "which Quartz cannot express")]
    [InlineData("@reboot", "not a cron macro")]
    [InlineData("0 0 6 * * *", "not a valid Quartz cron expression")]
    [InlineData("0 0 25 ? * *", "not a valid Quartz cron expression")]
    [InlineData("0 6 30 2 *", "never fires")]
    [InlineData("0 0 6 31 4 ?", "never fires")]
    [InlineData("0 0 6 1 1 ? 1960", "never fires")]
    public void Convert_InvalidExpression_ExplainsWhy(string text, string fragment)
    {
        var result = CronExpressionConverter.Convert(text);

        Assert.Empty(result.QuartzExpressions);
        Assert.Contains(fragment, result.Error, StringComparison.Ordinal);
    }
}
