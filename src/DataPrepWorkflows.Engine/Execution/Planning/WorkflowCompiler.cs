using System.Collections.Concurrent;
using DataPrepWorkflows.Engine.Activities;
using DataPrepWorkflows.Engine.Control;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Engine.Expressions;

namespace DataPrepWorkflows.Engine.Execution;

/// <summary>
/// Turns a definition into a <see cref="WorkflowPlan"/>: resolves types, compiles every input value tree once,
/// indexes edges and counts incoming edges. Checks only what execution needs; the DSL validator gives diagnostics.
/// </summary>
internal sealed class WorkflowCompiler(ActivityRegistry registry, IExpressionEngine expressions)
{
    private readonly ConcurrentDictionary<Type, ActivityBinder> _binders = new();

    public WorkflowPlan Compile(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var where = $"workflow '{definition.Id}' v{definition.Version}";
        return new WorkflowPlan
        {
            Definition = definition,
            Root = CompileFlowchart(definition.Activities, where),
            Variables = definition.Variables.Select(v => new NamedValue(v.Name, CompileValue(v.Value, true, $"{where}, variable '{v.Name}'"))).ToArray(),
            Outputs = definition.Outputs.Select(o => new NamedValue(o.Name, CompileValue(o.Value, true, $"{where}, output '{o.Name}'"))).ToArray(),
        };
    }

    private FlowchartPlan CompileFlowchart(IReadOnlyList<ActivityNode> nodes, string where)
    {
        var byId = new Dictionary<string, ActivityPlan>(StringComparer.Ordinal);
        var plans = new ActivityPlan[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            if (byId.ContainsKey(node.Id))
            {
                throw new WorkflowDefinitionException("ENG002", $"{where}: activity id '{node.Id}' is used twice; ids must be unique.");
            }

            plans[i] = CompileActivity(node, where);
            byId[node.Id] = plans[i];
        }

        foreach (var plan in plans)
        {
            var edges = new List<EdgePlan>(plan.Node.Next.Count + plan.Node.Catch.Count);
            foreach (var edge in plan.Node.Next)
            {
                edges.Add(new EdgePlan(edge.Outcome, Target(byId, plan, edge.Target, where), -1));
            }

            for (var c = 0; c < plan.Node.Catch.Count; c++)
            {
                edges.Add(new EdgePlan("catch", Target(byId, plan, plan.Node.Catch[c].Next, where), c));
            }

            plan.Edges = [.. edges];
            foreach (var edge in edges)
            {
                edge.Target.Incoming++;
            }

            if (plan.Node.Body.Count > 0)
            {
                plan.Body = CompileFlowchart(plan.Node.Body, $"{where}, body of '{plan.Id}'");
            }
        }

        var starts = plans.Where(p => p.Incoming == 0).ToArray();
        if (starts.Length == 0 && plans.Length > 0)
        {
            throw new WorkflowDefinitionException("ENG004", $"{where}: every activity has an incoming edge, so nothing can start; remove the cycle.");
        }

        return new FlowchartPlan { Activities = plans, ById = byId, Starts = starts };
    }

    private static ActivityPlan Target(Dictionary<string, ActivityPlan> byId, ActivityPlan from, string target, string where) =>
        byId.TryGetValue(target, out var plan)
            ? plan
            : throw new WorkflowDefinitionException("ENG003", $"{where}: activity '{from.Id}' has an edge to '{target}', which is not an activity of the same flowchart.");

    private ActivityPlan CompileActivity(ActivityNode node, string where)
    {
        var descriptor = registry.Find(node.Type)
            ?? throw new WorkflowDefinitionException("ENG001", $"{where}: activity '{node.Id}' has unknown type '{node.Type}'. Register the plugin assembly that provides it, or fix the type name.");
        var binder = descriptor.ClrType is { } clr ? _binders.GetOrAdd(clr, _ => ActivityBinder.For(descriptor)) : ActivityBinder.For(descriptor);
        var inputs = new List<InputPlan>();
        var missing = new List<string>();
        foreach (var input in descriptor.Inputs)
        {
            var present = node.HasInput(input.Name);
            var value = present ? node.FindInput(input.Name) : input.DefaultValue;
            if (!present && input.DefaultValue is null)
            {
                if (input.Required)
                {
                    missing.Add(input.Name);
                }

                continue;
            }

            var compiled = CompileValue(value, input.AllowExpressions && present, $"{where}, activity '{node.Id}', input '{input.Name}'");
            inputs.Add(new InputPlan(input.Name, input, binder.FindInput(input.Name), compiled));
        }

        foreach (var pair in node.Inputs)
        {
            if (descriptor.FindInput(pair.Key) is null)
            {
                inputs.Add(new InputPlan(pair.Key, null, null, CompileValue(pair.Value, true, $"{where}, activity '{node.Id}', input '{pair.Key}'")));
            }
        }

        return new ActivityPlan
        {
            Id = node.Id,
            Node = node,
            Descriptor = descriptor,
            Binder = binder,
            Inputs = [.. inputs],
            HasExpressions = inputs.Any(i => i.Value.HasExpressions),
            HasSecrets = inputs.Any(i => i.Secret),
            MissingRequired = [.. missing],
            DefaultOutcome = descriptor.Outcomes.Count > 0 ? descriptor.Outcomes[0] : OutcomesAttribute.Done,
            WaitAny = descriptor.ClrType == typeof(Join) && IsWaitAny(node),
        };
    }

    private static bool IsWaitAny(ActivityNode node) =>
        node.FindInput("mode") is { } mode && mode.GetValueKind() == System.Text.Json.JsonValueKind.String
        && string.Equals(mode.GetValue<string>(), nameof(JoinMode.WaitAny), StringComparison.OrdinalIgnoreCase);

    private ValueTemplate CompileValue(System.Text.Json.Nodes.JsonNode? value, bool allowExpressions, string where)
    {
        try
        {
            return ValueTemplate.Compile(value, expressions, allowExpressions);
        }
        catch (ExpressionSyntaxException ex)
        {
            throw new WorkflowDefinitionException("ENG005", $"{where}: expression error at {ex.Line}:{ex.Column}: {ex.Message}", ex);
        }
    }
}
