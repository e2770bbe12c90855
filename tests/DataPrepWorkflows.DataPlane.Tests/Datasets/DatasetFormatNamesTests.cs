using DataPrepWorkflows.DataPlane.Datasets;

namespace DataPrepWorkflows.DataPlane.Tests.Datasets;

public sealed class DatasetFormatNamesTests
{
    [Theory]
    [InlineData("CSV", DatasetFormat.Csv)]
    [InlineData("jsonl", DatasetFormat.JsonLines)]
    [InlineData("ndjson", DatasetFormat.JsonLines)]
    [InlineData("Parquet", DatasetFormat.Parquet)]
    public void TryParse_KnownName_ReturnsFormat(string name, DatasetFormat expected)
    {
        Assert.True(DatasetFormatNames.TryParse(name, out var format));
        Assert.Equal(expected, format);
        Assert.True(DatasetFormatNames.TryParse(DatasetFormatNames.ToName(format), out var again));
        Assert.Equal(format, again);
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_UnknownName_ReturnsFalse(string? name)
    {
        Assert.False(DatasetFormatNames.TryParse(name, out _));
    }
}
