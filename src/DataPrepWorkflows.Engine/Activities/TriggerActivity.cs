using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Engine.Activities;

/// <summary>
/// A trigger: declared in a workflow's <c>triggers</c> list, it says which stimuli (an S3 event, a schedule, an HTTP
/// call) start the workflow. The trigger index stores the payloads it returns; when a stimulus matches, the workflow
/// starts and the stimulus becomes the expression scope's <c>trigger</c>.
/// </summary>
public abstract class TriggerActivity : Activity
{
    /// <summary>
    /// The payloads to index for this trigger (for example a compiled event pattern). Called when a workflow version is
    /// published, with the trigger's inputs already bound.
    /// </summary>
    public abstract IReadOnlyList<JsonNode> GetTriggerPayloads();

    /// <summary>
    /// Problems in the trigger's inputs as written in the workflow file, found before the workflow is saved or
    /// published (the workflow validator reports each with the trigger's path). The default finds none; triggers whose
    /// inputs have a grammar of their own (a cron expression, a time zone) override it.
    /// </summary>
    /// <param name="inputs">The trigger's inputs by name, unevaluated.</param>
    public virtual IReadOnlyList<TriggerInputProblem> ValidateInputs(IReadOnlyDictionary<string, JsonNode?> inputs) => [];

    /// <summary>A trigger reached as an activity has nothing to do; it completes at once.</summary>
    protected internal override ValueTask ExecuteAsync(ActivityContext context) => ValueTask.CompletedTask;
}
