using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;
using DataPrepWorkflows.Engine.Expressions;

namespace DataPrepWorkflows.Engine.Execution;

/// <summary>Activity inputs: evaluated once per attempt, bound onto a new activity object per step, redacted for the journal.</summary>
internal sealed partial class InstanceRun
{
    private JsonObject? EvaluateInputs(ScopeRuntime scope, ActivityPlan plan, ActivityState state)
    {
        if (plan.Inputs.Length == 0)
        {
            return null;
        }

        var expressionScope = plan.HasExpressions ? BuildExpressionScope(scope, state) : null;
        var inputs = new JsonObject();
        foreach (var input in plan.Inputs)
        {
            try
            {
                inputs[input.Name] = input.Value.Evaluate(expressionScope);
            }
            catch (ExpressionEvaluationException ex)
            {
                throw new InputFault($"activity '{plan.Id}', input '{input.Name}': {ex.Message}", ex);
            }
        }

        return inputs;
    }

    private static Activity CreateBound(ActivityPlan plan, ActivityState state)
    {
        var activity = plan.Binder.Create();
        if (state.Inputs is not { } inputs)
        {
            return activity;
        }

        foreach (var input in plan.Inputs)
        {
            if (input.Binding is not { } binding)
            {
                continue;
            }

            var node = inputs[input.Name];
            if (node is null && binding.RejectsNull)
            {
                continue;
            }

            if (input.Descriptor?.AllowedValues is { Count: > 0 } allowed && node is JsonValue value
                && value.GetValueKind() == System.Text.Json.JsonValueKind.String && !allowed.Contains(value.GetValue<string>()))
            {
                throw new InputFault($"activity '{plan.Id}', input '{input.Name}': \"{value.GetValue<string>()}\" is not one of {string.Join(", ", allowed)}.");
            }

            try
            {
                binding.Set(activity, JsonConversion.ToClr(node, binding.Type));
            }
            catch (FormatException ex)
            {
                throw new InputFault($"activity '{plan.Id}', input '{input.Name}': {ex.Message}.", ex);
            }
        }

        return activity;
    }

    private static JsonObject? Redact(ActivityPlan plan, JsonObject? inputs)
    {
        if (inputs is null)
        {
            return null;
        }

        var copy = new JsonObject();
        foreach (var pair in inputs)
        {
            var secret = false;
            foreach (var input in plan.Inputs)
            {
                if (input.Secret && input.Name == pair.Key)
                {
                    secret = true;
                    break;
                }
            }

            copy[pair.Key] = secret ? JsonValue.Create("***") : pair.Value?.DeepClone();
        }

        return copy;
    }
}

/// <summary>An input could not be evaluated or bound: faults the activity with <c>States.InputError</c>.</summary>
internal sealed class InputFault : Exception
{
    public InputFault(string message)
        : base(message)
    {
    }

    public InputFault(string message, Exception inner)
        : base(message, inner)
    {
    }
}
