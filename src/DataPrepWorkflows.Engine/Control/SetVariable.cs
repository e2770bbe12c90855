using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Engine.Control;

/// <summary>Sets a variable in the innermost scope that declares it (the workflow when none does).</summary>
[Activity("SetVariable", Category = "Control", Description = "Sets a variable (inside a ForEach body, body variables such as 'result' first).")]
public sealed class SetVariable : CodeActivity
{
    /// <summary>The variable name.</summary>
    [Input(Description = "The variable name.", Required = true, AllowExpressions = false)]
    public string Name { get; set; } = "";

    /// <summary>The value.</summary>
    [Input(Description = "The value (literal or expression).")]
    public JsonNode? Value { get; set; }

    /// <inheritdoc />
    protected internal override ValueTask ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.SetVariable(Name, Value);
        return ValueTask.CompletedTask;
    }
}
