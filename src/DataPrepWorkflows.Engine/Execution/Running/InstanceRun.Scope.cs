using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;
using DataPrepWorkflows.Engine.Expressions;

namespace DataPrepWorkflows.Engine.Execution;

/// <summary>Variables and the names expressions see. Built only for activities whose inputs contain expressions.</summary>
internal sealed partial class InstanceRun
{
    public JsonNode? GetVariable(ScopeRuntime scope, string name)
    {
        lock (_variablesGate)
        {
            for (var s = scope; s is not null; s = s.Parent)
            {
                if (s.State.Variables.TryGetPropertyValue(name, out var value))
                {
                    return value?.DeepClone();
                }
            }

            return null;
        }
    }

    public void SetVariable(ScopeRuntime scope, string name, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        var copy = value?.Parent is null ? value : value.DeepClone();
        lock (_variablesGate)
        {
            for (var s = scope; s is not null; s = s.Parent)
            {
                if (s.State.Variables.ContainsKey(name) || s.Parent is null)
                {
                    s.State.Variables[name] = copy;
                    return;
                }
            }
        }
    }

    /// <summary>
    /// The expression scope for an activity in <paramref name="scope"/>: values are copies, so a script can never
    /// change the instance state and activities running on other threads never race with the evaluation.
    /// </summary>
    private ExpressionScope BuildExpressionScope(ScopeRuntime scope, ActivityState? activity)
    {
        var expressionScope = new ExpressionScope();
        expressionScope["inputs"] = State.Inputs.DeepClone();
        expressionScope["trigger"] = State.Trigger?.DeepClone();
        expressionScope["env"] = Engine.Env?.DeepClone() ?? new JsonObject();
        expressionScope["workflow"] = new JsonObject
        {
            ["id"] = State.WorkflowId,
            ["version"] = State.WorkflowVersion,
            ["instanceId"] = State.InstanceId,
            ["correlationId"] = State.CorrelationId,
        };

        var chain = new List<ScopeRuntime>();
        for (var s = scope; s is not null; s = s.Parent)
        {
            chain.Add(s);
        }

        chain.Reverse();
        var variables = new JsonObject();
        var activities = new JsonObject();
        lock (_variablesGate)
        {
            foreach (var s in chain)
            {
                foreach (var pair in s.State.Variables)
                {
                    variables[pair.Key] = pair.Value?.DeepClone();
                }

                foreach (var pair in s.State.Activities)
                {
                    activities[pair.Key] = ActivityView(pair.Value);
                }
            }
        }

        expressionScope["variables"] = variables;
        expressionScope["activities"] = activities;
        for (var i = 1; i < chain.Count; i++)
        {
            // Body-scope variables (item, index, …) are also top-level names.
            foreach (var pair in chain[i].State.Variables)
            {
                expressionScope[pair.Key] = variables[pair.Key];
            }
        }

        if (activity?.CaughtError is { } caught)
        {
            expressionScope["error"] = ErrorJson(caught);
        }

        return expressionScope;
    }

    private static JsonObject ActivityView(ActivityState state)
    {
        var view = new JsonObject
        {
            ["status"] = state.Status.ToString(),
            ["output"] = state.Outputs?.DeepClone(),
            ["outcome"] = state.Outcomes is { Length: > 0 } outcomes ? outcomes[0] : null,
        };
        if (state.Outcomes is { Length: > 1 } several)
        {
            view["outcomes"] = new JsonArray(several.Select(o => (JsonNode?)JsonValue.Create(o)).ToArray());
        }

        if (state.Error is { } error && state.Status == ActivityStatus.Faulted)
        {
            view["error"] = ErrorJson(error);
        }

        return view;
    }

    /// <summary>The error object catch targets see: <c>{error, cause, activityId}</c>.</summary>
    public static JsonObject ErrorJson(ActivityError error) => new()
    {
        ["error"] = error.Error,
        ["cause"] = error.Cause,
        ["activityId"] = error.ActivityId,
    };
}
