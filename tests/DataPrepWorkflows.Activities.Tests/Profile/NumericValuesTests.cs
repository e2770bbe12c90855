using DataPrepWorkflows.Activities.Profile;

namespace DataPrepWorkflows.Activities.Tests.Profile;

/// <summary>Order statistics over grouped values, checked against values worked out by hand.</summary>
public sealed class NumericValuesTests
{
    // 0, 1, 2, 2, 3, 6 given as distinct values in any order with their counts.
    private static NumericValues Sample() => new([6, 2, 0, 3, 1], [1, 2, 1, 1, 1]);

    [Fact]
    public void Values_AreSortedWithTheirCounts()
    {
        var values = Sample();
        Assert.Equal([0.0, 1, 2, 3, 6], values.Values.ToArray());
        Assert.Equal([1L, 1, 2, 1, 1], values.Counts.ToArray());
        Assert.Equal(6, values.Count);
        Assert.Equal(5, values.Distinct);
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.25, 1.25)] // rank 1.25 between 1 and 2
    [InlineData(0.5, 2.0)] // rank 2.5 between 2 and 2
    [InlineData(0.75, 2.75)] // rank 3.75 between 2 and 3
    [InlineData(0.95, 5.25)] // rank 4.75 between 3 and 6
    [InlineData(1.0, 6.0)]
    public void Quantile_InterpolatesBetweenTheRanksAroundIt(double q, double expected) =>
        Assert.Equal(expected, Sample().Quantile(q)!.Value, 12);

    [Fact]
    public void MedianAbsoluteDeviation_IsTheMedianOfTheDistancesToTheMedian()
    {
        // Distances to 2: 2, 1, 0, 0, 1, 4 → sorted 0, 0, 1, 1, 2, 4 → median 1.
        Assert.Equal(1, Sample().MedianAbsoluteDeviation(2)!.Value, 12);

        // 1, 1, 1, 10: median 1, distances 0, 0, 0, 9 → 0. Then 1, 5, 9, 10: median 7, distances 6, 2, 2, 3 → 2.5.
        Assert.Equal(0, new NumericValues([1, 10], [3, 1]).MedianAbsoluteDeviation(1)!.Value);
        Assert.Equal(2.5, new NumericValues([10, 1, 9, 5], [1, 1, 1, 1]).MedianAbsoluteDeviation(7)!.Value, 12);
    }

    [Fact]
    public void SmallestAndLargest_RepeatValuesByTheirCounts()
    {
        var values = Sample();
        Assert.Equal([0.0, 1, 2], values.Smallest(3));
        Assert.Equal([6.0, 3, 2, 2], values.Largest(4));
        Assert.Equal(6, values.Largest(10).Count);
    }

    [Fact]
    public void NaN_SortsAfterEveryNumber_AsInDuckDb()
    {
        var values = new NumericValues([double.NaN, 1, -2], [2, 1, 1]);
        Assert.Equal([-2.0, 1], values.Ordered.ToArray());
        Assert.True(double.IsNaN(values.Values[^1]));
        Assert.Equal([-2.0, 1, double.NaN], values.Smallest(3));
    }

    [Fact]
    public void EmptyColumn_HasNoQuantiles()
    {
        var values = new NumericValues([], []);
        Assert.Null(values.Quantile(0.5));
        Assert.Null(values.MedianAbsoluteDeviation(0));
        Assert.Empty(values.Smallest(5));
    }
}
