using System.Diagnostics;
using System.Globalization;
using DataPrepWorkflows.Benchmarks.Measuring;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Persistence;
using DataPrepWorkflows.Persistence.Sql;
using DataPrepWorkflows.Testing.PostgreSql;
using WorkKind = DataPrepWorkflows.Persistence.WorkKind;

namespace DataPrepWorkflows.Benchmarks.Persistence;

/// <summary>
/// The runtime store with 1,000,000 instances (half on one workflow with 100 versions) on SQLite and PostgreSQL:
/// first-page and filtered listings (target: first page under 100 ms), instance and bookmark lookups, bookmark resume,
/// commit throughput of a 10-activity-sized state, and claim latency. PostgreSQL is a throwaway local cluster (fsync
/// off, like SQLite's WAL with synchronous=NORMAL it does not wait for the disk on commit) unless <c>--pg</c> gives a
/// connection string.
/// Options: <c>--instances N</c> (1,000,000), <c>--provider sqlite|postgresql|both</c>, <c>--pg CONNECTION</c>,
/// <c>--runs N</c> (timed repetitions per lookup, 30).
/// </summary>
internal sealed class StoreSuite : IBenchmarkSuite
{
    public string Name => "store";

    public string Description => "Runtime store: listings, lookups, resume, commits and claims with 1,000,000 instances (SQLite, PostgreSQL)";

    public async Task RunAsync(string[] args)
    {
        var instances = BenchmarkArgs.Int(args, "--instances", 1_000_000);
        var runs = BenchmarkArgs.Int(args, "--runs", 30);
        var provider = BenchmarkArgs.Text(args, "--provider") ?? "both";
        Console.WriteLine($"Instances: {instances:N0} (half on '{StoreSeeder.MainWorkflow}' over 100 versions; 5% suspended with a bookmark); {runs} timed runs per lookup after warm-up; medians and p99 in ms.");
        Console.WriteLine();
        Console.WriteLine("| Store | Measurement | Median | p99 | Target |");
        Console.WriteLine("|---|---|---:|---:|---|");
        if (provider is "sqlite" or "both")
        {
            var folder = BenchmarkArgs.Folder(args, "store");
            var path = Path.Combine(folder, $"runtime-{instances}.db");
            foreach (var file in Directory.GetFiles(folder, $"runtime-{instances}.db*"))
            {
                File.Delete(file);
            }

            await RunOneAsync(new PersistenceOptions { Provider = "sqlite", SqlitePath = path }, instances, runs);
        }

        if (provider is "postgresql" or "both")
        {
            var connection = BenchmarkArgs.Text(args, "--pg");
            PostgreSqlCluster? cluster = null;
            try
            {
                if (connection is null)
                {
                    cluster = await PostgreSqlCluster.StartAsync(default);
                    connection = await cluster.CreateDatabaseAsync("bench", default);
                }

                var schema = "bench_" + Guid.NewGuid().ToString("N")[..8];
                await RunOneAsync(new PersistenceOptions { Provider = "postgresql", ConnectionString = connection, Schema = schema }, instances, runs);
            }
            finally
            {
                if (cluster is not null)
                {
                    await cluster.DisposeAsync();
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine("Reproduce: dotnet run -c Release --project benchmarks/DataPrepWorkflows.Benchmarks -- store [--instances N] [--provider sqlite|postgresql|both] [--pg CONNECTION]");
    }

    private static async Task RunOneAsync(PersistenceOptions options, int instances, int runs)
    {
        await using var store = await RuntimeStore.OpenAsync(options, TimeProvider.System, default);
        var database = ((SqlRuntimeStore)store).Database;
        var label = store.Provider;
        var seeding = Stopwatch.StartNew();
        await StoreSeeder.SeedDefinitionsAsync(store);
        await StoreSeeder.SeedInstancesAsync(database, instances);
        Console.WriteLine($"| {label} | seed {instances:N0} instances (bulk, indexes live) | {seeding.Elapsed.TotalSeconds:F1} s | | |");

        var random = new Random(5);
        await TimeAsync(label, "list first page (50, no filter)", runs, "< 100 ms", () => store.Instances.ListAsync(new InstanceQuery(), default));
        await TimeAsync(label, "list first page, workflow", runs, "< 100 ms", () => store.Instances.ListAsync(new InstanceQuery { WorkflowId = StoreSeeder.MainWorkflow }, default));
        await TimeAsync(label, "list first page, workflow + version 57", runs, "< 100 ms", () => store.Instances.ListAsync(new InstanceQuery { WorkflowId = StoreSeeder.MainWorkflow, WorkflowVersion = 57 }, default));
        await TimeAsync(label, "list first page, status Faulted", runs, "< 100 ms", () => store.Instances.ListAsync(new InstanceQuery { Statuses = [WorkflowStatus.Faulted] }, default));
        await TimeAsync(label, "list first page, status Faulted or Running", runs, "< 100 ms", () => store.Instances.ListAsync(new InstanceQuery { Statuses = [WorkflowStatus.Faulted, WorkflowStatus.Running] }, default));
        await TimeAsync(label, "list first page, workflow + Suspended", runs, "< 100 ms", () => store.Instances.ListAsync(new InstanceQuery { WorkflowId = StoreSeeder.MainWorkflow, Statuses = [WorkflowStatus.Suspended] }, default));
        await TimeAsync(label, "list first page, correlation id", runs, "< 100 ms", () => store.Instances.ListAsync(new InstanceQuery { CorrelationId = "corr-" + random.Next(instances) }, default));
        await TimeAsync(label, "list first page, created in a day", runs, "< 100 ms", () => store.Instances.ListAsync(new InstanceQuery { CreatedFrom = StoreSeeder.Epoch.AddDays(3), CreatedBefore = StoreSeeder.Epoch.AddDays(4) }, default));
        var page = await store.Instances.ListAsync(new InstanceQuery { WorkflowId = StoreSeeder.MainWorkflow }, default);
        await TimeAsync(label, "list next page (keyset token), workflow", runs, "< 100 ms", () => store.Instances.ListAsync(new InstanceQuery { WorkflowId = StoreSeeder.MainWorkflow, PageToken = page.NextPageToken }, default));
        await TimeAsync(label, "get instance by id", runs, string.Empty, () => store.Instances.GetAsync(StoreSeeder.InstanceId(random.Next(instances)), default));
        await TimeAsync(label, "find bookmarks by type + key", runs, string.Empty, () => store.Bookmarks.FindAsync(new BookmarkQuery { ActivityType = "Label", Key = "job-" + SuspendedIndex(random, instances) }, default));
        await TimeAsync(label, "count active of a workflow", Math.Min(runs, 5), string.Empty, () => store.Instances.CountActiveAsync(StoreSeeder.MainWorkflow, default));

        await ResumeAsync(store, label, instances, random);
        await CommitThroughputAsync(store, label, workers: 1);
        await CommitThroughputAsync(store, label, workers: 4);
        await ClaimAsync(store, label);
    }

    private static int SuspendedIndex(Random random, int instances)
    {
        // Suspended instances are those with i % 100 in 90..94 (see StoreSeeder.Shape).
        var hundred = random.Next(Math.Max(1, instances / 100));
        return (hundred * 100) + 90 + random.Next(5);
    }

    private static async Task ResumeAsync(IRuntimeStore store, string label, int instances, Random random)
    {
        var used = new HashSet<int>();
        var samples = new List<double>();
        for (var n = 0; n < 300 && used.Count < instances / 25; n++)
        {
            var i = SuspendedIndex(random, instances);
            if (!used.Add(i))
            {
                continue;
            }

            var item = new WorkItemRecord { Id = "resume-" + i, Kind = WorkKind.Resume, InstanceId = StoreSeeder.InstanceId(i), WorkflowId = "wf", DueAt = StoreSeeder.Epoch.AddYears(5), CreatedAt = DateTimeOffset.UtcNow };
            var watch = Stopwatch.StartNew();
            await store.Bookmarks.ResumeAsync("b" + i, item, default);
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }

        Print(label, "resume a bookmark (delete + enqueue, one transaction)", samples, "p99 < 10 ms");
    }

    private static async Task CommitThroughputAsync(IRuntimeStore store, string label, int workers)
    {
        const int CommitsPerWorker = 400;
        var state = TenActivityState.Utf8();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var id = $"commit-{workers}-{w}";
            var instance = new InstanceRecord { InstanceId = id, WorkflowId = "bench", WorkflowVersion = 1, Status = WorkflowStatus.Running, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, State = state };
            var revision = await store.CommitAsync(new InstanceCommit { Instance = instance, IsNew = true }, default);
            for (var c = 1; c < CommitsPerWorker; c++)
            {
                var journal = new JournalRecord(id, c, DateTimeOffset.UtcNow, "Completed", "a" + (c % 10), "Log", """{"event":"Completed"}""", id);
                revision = await store.CommitAsync(new InstanceCommit { Instance = instance with { Revision = revision, UpdatedAt = DateTimeOffset.UtcNow }, Journal = [journal] }, default);
            }
        })));
        var perSecond = workers * CommitsPerWorker / watch.Elapsed.TotalSeconds;
        Console.WriteLine($"| {label} | commits/s, {state.Length / 1024.0:F1} KB state + 1 journal entry, {workers} writer(s) | {perSecond.ToString("N0", CultureInfo.InvariantCulture)} /s | | |");
    }

    private static async Task ClaimAsync(IRuntimeStore store, string label)
    {
        var now = DateTimeOffset.UtcNow;
        var items = Enumerable.Range(0, 300).Select(i => new WorkItemRecord { Id = "claim-" + i, Kind = WorkKind.Timers, InstanceId = "claim-instance-" + i, WorkflowId = "wf", DueAt = now.AddSeconds(-1), CreatedAt = now }).ToList();
        await store.Work.EnqueueAsync(items, null, default);
        var samples = new List<double>();
        for (var i = 0; i < items.Count; i++)
        {
            var watch = Stopwatch.StartNew();
            var claimed = await store.Work.ClaimAsync("bench-node", 1, TimeSpan.FromMinutes(1), now, default);
            samples.Add(watch.Elapsed.TotalMilliseconds);
            await store.Work.DeleteAsync(claimed[0].Id, "bench-node", default);
        }

        Print(label, "claim one due item (lease + instance guard)", samples, string.Empty);
    }

    private static async Task TimeAsync<T>(string label, string what, int runs, string target, Func<Task<T>> action)
    {
        for (var i = 0; i < 3; i++)
        {
            await action();
        }

        var samples = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }

        Print(label, what, samples, target);
    }

    private static void Print(string label, string what, List<double> samples, string target)
    {
        var sorted = samples.Order().ToArray();
        var p99 = sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(sorted.Length * 0.99) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {label} | {what} | {Samples.Median(samples):F2} ms | {p99:F2} ms | {target} |"));
    }
}
