using System.Globalization;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;
using DataPrepWorkflows.Engine.Execution;

namespace DataPrepWorkflows.Engine.Control;

/// <summary>Runs its body once per item, sequentially or with bounded parallelism.</summary>
[Activity("ForEach", Category = "Control", HasBody = true,
    Description = "Runs the body once per item (with item and index in scope) and outputs the per-item results.")]
public sealed class ForEach : Activity
{
    private const string NextKey = "next";
    private const string ResultsKey = "results";

    /// <summary>The items.</summary>
    [Input(Description = "The items to iterate over.", Required = true)]
    public JsonArray? Items { get; set; }

    /// <summary>How many bodies may run at once; 1 runs the items in order.</summary>
    [Input(Description = "How many items run at once; 1 runs them one after another, in order.", DefaultJson = "1")]
    public int Parallelism { get; set; } = 1;

    /// <summary>Per-item results in item order: the body's <c>result</c> variable, or its last activity's outputs.</summary>
    [Output(Description = "Per-item results, in item order: the body's 'result' variable, or its last activity's outputs.")]
    public JsonArray? Results { get; set; }

    /// <inheritdoc />
    protected internal override ValueTask ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var items = Items ?? [];
        if (Parallelism < 1)
        {
            throw new ActivityFaultException(ActivityError.InputError, $"ForEach '{context.ActivityId}': parallelism must be at least 1, got {Parallelism}.");
        }

        var results = new JsonArray();
        for (var i = 0; i < items.Count; i++)
        {
            results.Add(null);
        }

        context.Properties[ResultsKey] = results;
        var started = 0;
        while (started < items.Count && started < Parallelism)
        {
            StartItem(context, items, started++);
        }

        context.Properties[NextKey] = started;
        if (items.Count == 0)
        {
            Results = results.DeepClone().AsArray();
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    protected internal override ValueTask OnChildCompletedAsync(ActivityContext context, ChildCompletion child)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(child);
        if (!child.Succeeded)
        {
            var error = child.Error!;
            throw new ActivityFaultException(error.Error, $"Item {child.Tag} failed in '{error.ActivityId}': {error.Cause}");
        }

        var results = context.Properties[ResultsKey]!.AsArray();
        var index = int.Parse(child.Tag, CultureInfo.InvariantCulture);
        var result = child.Outputs["result"] ?? child.Outputs[BodyOutputs.LastOutput];
        results[index] = result?.DeepClone();

        var items = Items ?? [];
        var next = context.Properties[NextKey]!.GetValue<int>();
        if (next < items.Count)
        {
            StartItem(context, items, next);
            context.Properties[NextKey] = next + 1;
        }
        else if (context.PendingChildren == 0)
        {
            Results = results.DeepClone().AsArray();
        }

        return ValueTask.CompletedTask;
    }

    private static void StartItem(ActivityContext context, JsonArray items, int index) =>
        context.ScheduleBody(
            new Dictionary<string, JsonNode?>(StringComparer.Ordinal)
            {
                ["item"] = items[index]?.DeepClone(),
                ["index"] = index,
                ["result"] = null,
            },
            index.ToString(CultureInfo.InvariantCulture));
}
