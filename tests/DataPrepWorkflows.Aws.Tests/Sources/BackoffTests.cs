using DataPrepWorkflows.Aws.Sources;

namespace DataPrepWorkflows.Aws.Tests.Sources;

public sealed class BackoffTests
{
    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(8, 640)]
    [InlineData(9, 900)]
    [InlineData(60, 900)]
    public void Redelivery_delay_doubles_per_delivery_up_to_the_cap(int delivery, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Backoff.Exponential(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(15), delivery));

    [Theory]
    [InlineData(0.0, 2)]
    [InlineData(0.5, 3)]
    [InlineData(1.0, 4)]
    public void Jitter_spreads_the_delay_between_half_and_all_of_it(double random, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Backoff.Jittered(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), 3, random));

    [Fact]
    public void Seconds_for_SQS_round_up_and_stay_within_twelve_hours()
    {
        Assert.Equal(2, Backoff.Seconds(TimeSpan.FromMilliseconds(1001)));
        Assert.Equal(43_200, Backoff.Seconds(TimeSpan.FromDays(2)));
    }
}
