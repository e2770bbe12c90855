using DataPrepWorkflows.Activities.Tests.Crawl;
using DataPrepWorkflows.Activities.Tests.Fixtures;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Execution;

namespace DataPrepWorkflows.Activities.Tests.GlueJob;

public sealed class SqlJobTests : IAsyncLifetime
{
    private GlueHarness _h = null!;

    public async Task InitializeAsync() => _h = await GlueHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private string Script(string name, string sql)
    {
        var path = Path.Combine(_h.Root, name);
        File.WriteAllText(path, sql);
        return path;
    }

    [Fact]
    public async Task Crawl_then_SQL_job_reads_the_catalog_table_writes_partitioned_parquet_and_registers_it()
    {
        await _h.PutAsync("s3://raw/loans/day=1/a.csv", "id,region,amount\n1,North,10\n2,South,20\n3,North,30\n");
        await _h.PutAsync("s3://raw/loans/day=2/a.csv", "id,region,amount\n4,South,40\n");
        var script = Script("summarise.sql", """
            -- totals per region, from the crawled table
            SELECT region, day, count(*) AS loans, CAST(sum(amount) AS BIGINT) AS total
            FROM lake.loans
            WHERE amount >= ${min_amount}
            GROUP BY region, day
            ORDER BY region, day;
            """);
        var definition = new WorkflowDefinition
        {
            Id = "prep",
            Version = 1,
            Name = "prep",
            Activities =
            [
                new ActivityNode { Id = "crawl", Type = "Crawl", Inputs = GlueHarness.ToInputs(CrawlData.Crawl("s3://raw/loans/")), Next = [new Edge("Done", "job")] },
                new ActivityNode
                {
                    Id = "job",
                    Type = "GlueJob",
                    Inputs = GlueHarness.ToInputs(new
                    {
                        jobName = "summarise-loans",
                        script,
                        arguments = new Dictionary<string, string>
                        {
                            ["--min_amount"] = "15",
                            ["--output_path"] = "s3://curated/loan_totals/",
                            ["--partition_by"] = "region",
                            ["--output_table"] = "curated.loan_totals",
                        },
                    }),
                },
            ],
        };

        var result = await _h.RunAsync(definition);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        var outputs = result.Outputs("job");
        Assert.Equal("SUCCEEDED", outputs["jobRunState"]!.GetValue<string>());
        Assert.StartsWith("jr_", outputs["jobRunId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(3, outputs["rowsWritten"]!.GetValue<long>());
        Assert.Equal("curated.loan_totals", outputs["outputTable"]!.GetValue<string>());
        Assert.Equal(["Succeeded"], result.State.Scopes["root"].Activities["job"].Outcomes!);
        Assert.Contains(result.Logs(), m => m.Contains("lake.loans", StringComparison.Ordinal));

        var table = await _h.Backends.Catalog.GetTableAsync("curated", "loan_totals");
        Assert.Equal("parquet", table.Parameters!["classification"]);
        Assert.Equal("s3://curated/loan_totals/", table.StorageDescriptor!.Location);
        Assert.Equal([("day", "bigint"), ("loans", "bigint"), ("total", "bigint")], table.StorageDescriptor.Columns!.Select(c => (c.Name, c.Type!)));
        Assert.Equal([("region", "string")], table.PartitionKeys!.Select(k => (k.Name, k.Type!)));
        var partitions = await _h.Backends.Catalog.GetPartitionsAsync("curated", "loan_totals");
        Assert.Equal(["North", "South"], partitions.Select(p => p.Values[0]));
        Assert.True(File.Exists(_h.LocalPath("s3://curated/loan_totals/region=North/part-0.parquet")));

        using var session = _h.Backends.OpenSession();
        var total = await session.QueryAsync($"SELECT CAST(sum(total) AS BIGINT) FROM read_parquet('{_h.LocalPath("s3://curated/loan_totals/")}**/*.parquet')");
        Assert.Equal(90L, Convert.ToInt64(total.Rows[0][0], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Arguments_with_and_without_dashes_and_s3_paths_are_substituted_in_the_SQL()
    {
        await _h.PutAsync("s3://raw/in/a.csv", "id,v\n1,a\n2,b\n");
        var script = Script("copy.sql", "CREATE TABLE staged AS SELECT * FROM read_csv('${--source}');\nSELECT id, v, '${tag}' AS tag FROM staged WHERE id > ${min}");

        var result = await _h.RunAsync("GlueJob", new
        {
            jobName = "copy",
            script,
            arguments = new Dictionary<string, string> { ["--source"] = "s3://raw/in/a.csv", ["tag"] = "x", ["--min"] = "1", ["--output_path"] = "s3://out/copy/", ["--output_format"] = "csv" },
        });

        var outputs = result.Outputs();
        Assert.Equal("SUCCEEDED", outputs["jobRunState"]!.GetValue<string>());
        Assert.Equal(1, outputs["rowsWritten"]!.GetValue<long>());
        Assert.Equal("id,v,tag\n2,b,x\n", File.ReadAllText(_h.LocalPath("s3://out/copy/part-00000.csv")));
    }

    [Fact]
    public async Task A_missing_argument_ends_FAILED_on_the_Failed_outcome_naming_the_line()
    {
        var script = Script("bad.sql", "SELECT 1;\nSELECT ${nowhere}");

        var result = await _h.RunAsync("GlueJob", new { jobName = "bad", script });

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        var outputs = result.Outputs();
        Assert.Equal("FAILED", outputs["jobRunState"]!.GetValue<string>());
        Assert.Contains("line 2", outputs["errorMessage"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("--nowhere", outputs["errorMessage"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["Failed"], result.State.Scopes["root"].Activities["step"].Outcomes!);
    }

    [Fact]
    public async Task With_faultOnFailure_a_SQL_error_faults_with_Glue_JobRunFailed_that_catch_can_route()
    {
        var script = Script("broken.sql", "SELECT * FROM no_such_table");
        var definition = new WorkflowDefinition
        {
            Id = "w",
            Version = 1,
            Name = "w",
            Activities =
            [
                new ActivityNode
                {
                    Id = "job",
                    Type = "GlueJob",
                    Inputs = GlueHarness.ToInputs(new { jobName = "broken", script, faultOnFailure = true }),
                    Catch = [new Catcher(["Glue.JobRunFailed"], "recover")],
                },
                new ActivityNode { Id = "recover", Type = "Crawl", Inputs = GlueHarness.ToInputs(CrawlData.Crawl("s3://nothing/")) },
            ],
        };

        var result = await _h.RunAsync(definition);

        var job = result.State.Scopes["root"].Activities["job"];
        Assert.Equal("Glue.JobRunFailed", (job.CaughtError ?? job.Error)!.Error);
        Assert.Contains("no_such_table", (job.CaughtError ?? job.Error)!.Cause, StringComparison.Ordinal);
        Assert.True(result.State.Scopes["root"].Activities.ContainsKey("recover"));
    }

    [Fact]
    public async Task Rerunning_the_same_step_returns_the_recorded_run_without_running_it_again()
    {
        await _h.PutAsync("s3://raw/in/a.csv", "id\n1\n");
        var script = Script("count.sql", "SELECT count(*) AS n FROM read_csv('s3://raw/in/*.csv')");
        var inputs = new { jobName = "count", script, arguments = new Dictionary<string, string> { ["--output_path"] = "s3://out/count/" } };

        var first = (await _h.RunAsync("GlueJob", inputs)).Outputs();
        File.Delete(_h.LocalPath("s3://out/count/part-00000.parquet"));
        var replay = await _h.RunAsync("GlueJob", inputs);

        Assert.Equal(first["jobRunId"]!.GetValue<string>(), replay.Outputs()["jobRunId"]!.GetValue<string>());
        Assert.Contains(replay.Logs(), m => m.Contains("already ran", StringComparison.Ordinal));
        Assert.False(File.Exists(_h.LocalPath("s3://out/count/part-00000.parquet")));
        var other = await _h.RunAsync("GlueJob", inputs, "i-2");
        Assert.NotEqual(first["jobRunId"]!.GetValue<string>(), other.Outputs()["jobRunId"]!.GetValue<string>());
        Assert.True(File.Exists(_h.LocalPath("s3://out/count/part-00000.parquet")));
    }
}
