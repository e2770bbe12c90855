using System.Globalization;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Engine.Expressions;

namespace DataPrepWorkflows.Benchmarks.Engine;

/// <summary>
/// The engine's own overhead, in memory on one thread: (a) a 10-activity no-op flowchart, (b) a 1,000-item ForEach
/// over a no-op body, (c) suspend → serialise → deserialise → resume. Targets: ≥ 20,000 runs/s for (a), &lt; 100 µs for
/// (c). Compared against those targets (issue 2); no external baseline.
/// </summary>
internal sealed class EngineBenchmarkSuite : IBenchmarkSuite
{
    public string Name => "engine";

    public string Description => "Workflow engine: 10-activity flowchart, 1,000-item ForEach, suspend/serialise/resume.";

    public Task RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var engine = new WorkflowEngine(
            ActivityRegistry.WithBuiltIns(typeof(EngineBenchmarkSuite).Assembly),
            new JintExpressionEngine(),
            new WorkflowEngineOptions());

        var chain = Chain();
        var loop = Loop();
        var pause = Pause();
        engine.Prepare(chain);
        engine.Prepare(loop);
        engine.Prepare(pause);

        var iterations = quick ? 2_000 : 20_000;
        var flowchart = Timing.Measure(() => Run(engine, chain), iterations);
        var forEach = Timing.Measure(() => Run(engine, loop), quick ? 5 : 40);

        WorkflowInstanceState? suspended = null;
        byte[]? bytes = null;
        var startToSuspend = Timing.Measure(() => suspended = Run(engine, pause).State, iterations);
        var serialise = Timing.Measure(() => bytes = suspended!.ToUtf8Json(), iterations);
        var cycle = Timing.Measure(
            () =>
            {
                var state = Run(engine, pause).State;
                var restored = WorkflowInstanceState.FromJson(state.ToUtf8Json());
                var resumed = engine.ResumeAsync(pause, restored, restored.Bookmarks[0].Bookmark.Id).GetAwaiter().GetResult();
                if (resumed.Status != WorkflowStatus.Finished)
                {
                    throw new InvalidOperationException("The resumed instance did not finish.");
                }
            },
            iterations);

        Console.WriteLine("| Engine benchmark (median of 7 samples) | Wall clock | Thread CPU | Allocated | Target |");
        Console.WriteLine("| --- | ---: | ---: | ---: | --- |");
        Row("(a) 10-activity no-op flowchart, one thread", flowchart, m => $"{1e6 / m:N0} runs/s", "≥ 20,000 runs/s");
        Row("(b) 1,000-item ForEach, body of one no-op", forEach, m => $"{m / 1000:N2} ms/run", "—");
        Row("(c) suspend → serialise → deserialise → resume", cycle - startToSuspend, m => $"{m:N1} µs", "< 100 µs");
        Row("    start until suspended (3 activities)", startToSuspend, m => $"{m:N1} µs", "—");
        Row($"    serialise the suspended state ({bytes!.Length:N0} bytes)", serialise, m => $"{m:N1} µs", "—");
        Row("    whole cycle: start … resume … finish", cycle, m => $"{m:N1} µs", "—");

        return Task.CompletedTask;
    }

    private static void Row(string name, Measurement m, Func<double, string> format, string target) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {format(m.WallMicroseconds)} | {format(m.CpuMicroseconds)} | {m.BytesPerOperation:N0} B | {target} |"));

    private static WorkflowRunResult Run(WorkflowEngine engine, WorkflowDefinition definition) =>
        engine.StartAsync(definition).GetAwaiter().GetResult();

    /// <summary>Ten no-op activities in a chain (also the runtime suite's engine-alone baseline).</summary>
    internal static WorkflowDefinition Chain() => new()
    {
        Id = "bench-chain",
        Version = 1,
        Name = "10 no-ops",
        Activities = Enumerable.Range(0, 10).Select(i => new ActivityNode
        {
            Id = $"a{i}",
            Type = "BenchNoop",
            Next = i < 9 ? [new Edge("Done", $"a{i + 1}")] : [],
        }).ToList(),
    };

    private static WorkflowDefinition Loop() => new()
    {
        Id = "bench-loop",
        Version = 1,
        Name = "1,000 items",
        Activities =
        [
            new ActivityNode
            {
                Id = "each",
                Type = "ForEach",
                Inputs = [KeyValuePair.Create<string, JsonNode?>("items", new JsonArray(Enumerable.Range(0, 1000).Select(i => (JsonNode?)i).ToArray()))],
                Body = [new ActivityNode { Id = "body", Type = "BenchNoop" }],
            },
        ],
    };

    private static WorkflowDefinition Pause() => new()
    {
        Id = "bench-pause",
        Version = 1,
        Name = "suspend and resume",
        Activities =
        [
            new ActivityNode { Id = "before", Type = "BenchNoop", Next = [new Edge("Done", "wait")] },
            new ActivityNode { Id = "wait", Type = "BenchWait", Next = [new Edge("Done", "after")] },
            new ActivityNode { Id = "after", Type = "BenchNoop" },
        ],
    };
}
