using System.Text;
using DataPrepWorkflows.Activities.QualityGate;

namespace DataPrepWorkflows.Activities.Tests.QualityGate;

/// <summary>Dynamic rules and DetectAnomalies over the metric history kept between runs of one dataset.</summary>
public sealed class HistoryTests : IDisposable
{
    private readonly DqFixture _fixture = new();

    [Fact]
    public async Task DynamicRule_ComparesWithEarlierRuns()
    {
        const string rules = "Rules = [ RowCount > avg(last(2)), RowCount >= 0.5 * max(last(10)) ]";

        var first = await RunAsync(rules, rows: 4);
        var second = await RunAsync(rules, rows: 6);
        var third = await RunAsync(rules, rows: 5);
        var fourth = await RunAsync(rules, rows: 2);

        // No history: avg(last(2)) is null, which no comparison meets (as in the DQDL condition semantics).
        Assert.Equal(DataQualityOutcome.Failed, first.Results[0].Outcome);
        Assert.Equal(DataQualityOutcome.Passed, second.Results[0].Outcome); // 6 > 4
        Assert.Equal(DataQualityOutcome.Failed, third.Results[0].Outcome);  // 5 > avg(6, 4) = 5 is false
        Assert.Equal(DataQualityOutcome.Failed, fourth.Results[0].Outcome); // 2 > avg(5, 6)
        Assert.Equal(DataQualityOutcome.Passed, third.Results[1].Outcome);  // 5 >= 0.5 * 6
        Assert.Equal(DataQualityOutcome.Failed, fourth.Results[1].Outcome); // 2 < 0.5 * 6
    }

    [Fact]
    public async Task HistoryIsKeptPerDatasetName()
    {
        await RunAsync("Rules = [ RowCount > 0 ]", rows: 10, name: "loans");
        var other = await RunAsync("Rules = [ RowCount > avg(last(1)) ]", rows: 3, name: "payments");
        var same = await RunAsync("Rules = [ RowCount > avg(last(1)) ]", rows: 3, name: "loans");

        Assert.Equal(DataQualityOutcome.Failed, other.Results[0].Outcome);
        Assert.Equal(DataQualityOutcome.Failed, same.Results[0].Outcome);
        Assert.True(File.Exists(Path.Combine(_fixture.HistoryFolder, "data-quality", "loans.history.json")));
    }

    [Fact]
    public async Task UnknownFunction_OverHistory_IsAnError()
    {
        await RunAsync("Rules = [ RowCount > 0 ]", rows: 3);
        var report = await RunAsync("Rules = [ RowCount > median(last(2)) ]", rows: 3);

        Assert.Equal(DataQualityOutcome.Error, report.Results[0].Outcome);
        Assert.Contains("unknown function 'median'", report.Results[0].FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DetectAnomalies_FlagsAValueOutsideTheHistory()
    {
        const string rules = "Rules = [ DetectAnomalies \"RowCount\", DetectAnomalies of Mean of \"v\" ]";
        var early = new List<DataQualityReport>();
        foreach (var rows in new[] { 10, 11, 10, 9 })
        {
            early.Add(await RunAsync(rules, rows));
        }

        var normal = await RunAsync(rules, rows: 10);
        var anomaly = await RunAsync(rules, rows: 40);

        Assert.All(early, r => Assert.Equal(DataQualityOutcome.Passed, r.Results[0].Outcome));
        Assert.Equal(DataQualityOutcome.Passed, normal.Results[0].Outcome);
        Assert.Equal(DataQualityOutcome.Failed, anomaly.Results[0].Outcome);
        Assert.Contains("Anomaly detected: Dataset.*.RowCount is 40.0", anomaly.Results[0].FailureReason, StringComparison.Ordinal);
        Assert.Equal(40.0, anomaly.Results[0].EvaluatedMetrics["Dataset.*.RowCount"]);
        Assert.Equal(DataQualityOutcome.Failed, anomaly.Results[1].Outcome); // mean of 1..40 is far above the mean of 1..10
    }

    [Fact]
    public async Task DetectAnomalies_NeedsThreeEarlierRuns()
    {
        await RunAsync("Rules = [ DetectAnomalies \"RowCount\" ]", rows: 10);
        await RunAsync("Rules = [ DetectAnomalies \"RowCount\" ]", rows: 10);
        var third = await RunAsync("Rules = [ DetectAnomalies \"RowCount\" ]", rows: 500);
        var fourth = await RunAsync("Rules = [ DetectAnomalies \"RowCount\" ]", rows: 10_000);

        Assert.Equal(DataQualityOutcome.Passed, third.Results[0].Outcome);
        Assert.Equal(DataQualityOutcome.Failed, fourth.Results[0].Outcome);
    }

    private Task<DataQualityReport> RunAsync(string rules, int rows, string name = "numbers")
    {
        var csv = new StringBuilder("v");
        for (var i = 1; i <= rows; i++)
        {
            csv.Append('\n').Append(i);
        }

        var path = _fixture.Write($"{name}-{rows}.csv", csv.ToString());
        _fixture.Clock.Advance(TimeSpan.FromDays(1));
        return _fixture.EvaluateAsync(rules, path, datasetName: name);
    }

    public void Dispose() => _fixture.Dispose();
}
