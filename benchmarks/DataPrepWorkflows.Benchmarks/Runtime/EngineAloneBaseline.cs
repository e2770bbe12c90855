using System.Diagnostics;
using System.Globalization;
using DataPrepWorkflows.Benchmarks.Engine;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Engine.Expressions;

namespace DataPrepWorkflows.Benchmarks.Runtime;

/// <summary>
/// The runtime suite's floor: the same 10-activity workflow run by the engine alone, in memory, as many at once as a
/// node applies, (a) with the state serialised and the journal handed over after every activity and then thrown away
/// (what <c>EveryActivity</c> costs before any store is involved) and (b) with no checkpoints. No store design can
/// save this CPU time, so the processors' capacity at it bounds what any store could reach on this machine.
/// </summary>
internal static class EngineAloneBaseline
{
    public static async Task MeasureAsync(ActivityRegistry registry, IExpressionEngine expressions, int runs, int concurrency)
    {
        Console.WriteLine();
        Console.WriteLine($"Floor: the engine alone, no store, {concurrency} runs at once (what a node's own work costs before anything is written).");
        Console.WriteLine();
        Console.WriteLine("| Engine alone | Runs/s | CPU ms/run | Runs/s the processors allow at that CPU |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var everyActivity in new[] { true, false })
        {
            var engine = new WorkflowEngine(registry, expressions, new WorkflowEngineOptions { Checkpointer = everyActivity ? new DiscardingCheckpointer() : null });
            var chain = EngineBenchmarkSuite.Chain();
            engine.Prepare(chain);
            var warmUp = Stopwatch.StartNew();
            do
            {
                await RunAsync(engine, chain, Math.Min(2_000, runs), concurrency);
            }
            while (warmUp.Elapsed < TimeSpan.FromSeconds(3));

            var cpu = Environment.CpuUsage.TotalTime;
            var watch = Stopwatch.StartNew();
            await RunAsync(engine, chain, runs, concurrency);
            watch.Stop();
            var cpuPerRun = (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds / runs;
            var name = everyActivity ? "state serialised after every activity, then discarded" : "no checkpoints";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {runs / watch.Elapsed.TotalSeconds:N0} | {cpuPerRun:F2} | {Environment.ProcessorCount * 1000 / cpuPerRun:N0} |"));
        }
    }

    /// <summary>Runs <paramref name="runs"/> instances, <paramref name="concurrency"/> at a time on the thread pool.</summary>
    private static async Task RunAsync(WorkflowEngine engine, DataPrepWorkflows.Engine.Definitions.WorkflowDefinition chain, int runs, int concurrency)
    {
        var left = runs;
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Decrement(ref left) >= 0)
            {
                var result = await engine.StartAsync(chain);
                if (result.State.Status != WorkflowStatus.Finished)
                {
                    throw new InvalidOperationException($"A baseline run ended {result.State.Status}.");
                }
            }
        }));
        await Task.WhenAll(workers);
    }

    /// <summary>Takes every checkpoint the engine offers (so the state is serialised each time) and keeps none.</summary>
    private sealed class DiscardingCheckpointer : IWorkflowCheckpointer
    {
        public bool ShouldCheckpoint(WorkflowInstanceState state, CheckpointReason reason) => true;

        public ValueTask CheckpointAsync(WorkflowCheckpoint checkpoint, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
