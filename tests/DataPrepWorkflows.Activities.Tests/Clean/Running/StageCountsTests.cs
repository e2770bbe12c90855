using DataPrepWorkflows.Activities.Clean.Running;

namespace DataPrepWorkflows.Activities.Tests.Clean.Running;

public sealed class StageCountsTests
{
    [Fact]
    public void ClosingQuery_scans_each_stage_once_for_all_its_pending_counts()
    {
        var counts = new StageCounts();
        counts.Need(0, StageCounts.Rows);
        counts.Need(2, StageCounts.Rows);
        counts.Need(2, StageCounts.Where("x IS NULL"));
        counts.Need(2, StageCounts.Rows);

        var (sql, columns) = counts.ClosingQuery(stage => "s" + stage)!.Value;

        Assert.Equal("SELECT * FROM (SELECT count(*) AS c0 FROM s0) AS counts_0, (SELECT count(*) AS c1, count(*) FILTER (WHERE x IS NULL) AS c2 FROM s2) AS counts_2", sql);
        Assert.Equal([(0, "count(*)"), (2, "count(*)"), (2, "count(*) FILTER (WHERE x IS NULL)")], columns);
    }

    [Fact]
    public void A_count_recorded_by_a_statistics_pass_is_not_asked_again()
    {
        var counts = new StageCounts();
        counts.Need(1, StageCounts.Rows);
        counts.Need(3, StageCounts.Rows);
        Assert.Equal(["count(*)"], counts.PendingAt(1));

        counts.Record(1, StageCounts.Rows, 42);
        counts.Need(1, StageCounts.Rows);

        Assert.Equal(42, counts[1, StageCounts.Rows]);
        Assert.Empty(counts.PendingAt(1));
        Assert.False(counts.IsPending(1, StageCounts.Rows));
        Assert.Equal("SELECT * FROM (SELECT count(*) AS c0 FROM s3) AS counts_3", counts.ClosingQuery(stage => "s" + stage)!.Value.Sql);
        counts.Record(3, StageCounts.Rows, 7);
        Assert.Null(counts.ClosingQuery(stage => "s" + stage));
    }
}
