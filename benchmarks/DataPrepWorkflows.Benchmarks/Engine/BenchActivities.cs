using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Benchmarks.Engine;

/// <summary>Does nothing: measures the engine's own cost per activity.</summary>
[Activity("BenchNoop", Category = "Benchmark")]
internal sealed class BenchNoop : CodeActivity
{
    protected internal override ValueTask ExecuteAsync(ActivityContext context) => ValueTask.CompletedTask;
}

/// <summary>Suspends on a bookmark; resumes to completion.</summary>
[Activity("BenchWait", Category = "Benchmark")]
internal sealed class BenchWait : Activity
{
    protected internal override ValueTask ExecuteAsync(ActivityContext context)
    {
        context.CreateBookmark("bench");
        return ValueTask.CompletedTask;
    }
}
