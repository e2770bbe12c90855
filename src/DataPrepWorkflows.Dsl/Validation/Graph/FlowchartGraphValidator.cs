using DataPrepWorkflows.Dsl.Diagnostics;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Engine.Expressions;

namespace DataPrepWorkflows.Dsl.Validation.Graph;

/// <summary>
/// Graph rules of a flowchart and of every nested body: unique ids in the whole file, edges and catchers that point
/// into the same flowchart, outcomes the activity type has, no cycles, and every activity reachable from a start
/// (an activity without incoming edges; all of them start in parallel).
/// </summary>
internal sealed class FlowchartGraphValidator
{
    private readonly ActivityRegistry _registry;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly Dictionary<string, string> _idPaths = new(StringComparer.Ordinal);

    private FlowchartGraphValidator(ActivityRegistry registry) => _registry = registry;

    public static IReadOnlyList<Diagnostic> Validate(WorkflowDefinition definition, ActivityRegistry registry)
    {
        var validator = new FlowchartGraphValidator(registry);
        validator.CheckFlowchart(definition.Activities, "/activities");
        return validator._diagnostics;
    }

    private void CheckFlowchart(IReadOnlyList<ActivityNode> activities, string path)
    {
        var local = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < activities.Count; i++)
        {
            var id = activities[i].Id;
            if (id.Length == 0)
            {
                continue;
            }

            if (_idPaths.TryGetValue(id, out var firstPath))
            {
                Error(DiagnosticCodes.DuplicateActivityId, $"{path}/{i}/id", $"Activity id '{id}' is already used at {firstPath}; ids must be unique in the file, so rename one of them.");
            }
            else
            {
                _idPaths[id] = $"{path}/{i}";
                local[id] = i;
            }
        }

        var edges = new List<(int From, int To, string Path)>();
        for (var i = 0; i < activities.Count; i++)
        {
            CheckEdges(activities, i, $"{path}/{i}", local, edges);
        }

        CheckCycles(activities, edges);
        CheckReachability(activities, path, edges);
        for (var i = 0; i < activities.Count; i++)
        {
            if (activities[i].Body.Count > 0)
            {
                CheckFlowchart(activities[i].Body, $"{path}/{i}/body");
            }
        }
    }

    private void CheckEdges(IReadOnlyList<ActivityNode> activities, int index, string path, Dictionary<string, int> local, List<(int, int, string)> edges)
    {
        var node = activities[index];
        var descriptor = _registry.Find(node.Type);
        foreach (var outcomeGroup in node.Next.GroupBy(e => e.Outcome, StringComparer.Ordinal))
        {
            var outcome = outcomeGroup.Key;
            var outcomePath = NextPath(node, path, outcome, descriptor);
            if (descriptor is { DynamicOutcomes: false } && !descriptor.Outcomes.Contains(outcome, StringComparer.Ordinal))
            {
                Error(DiagnosticCodes.UnknownOutcome, outcomePath, $"Activity '{node.Id}' has an edge on outcome '{outcome}', but {node.Type} has the outcomes {string.Join(", ", descriptor.Outcomes)}.{Suggestions.Hint(outcome, descriptor.Outcomes)}");
            }

            foreach (var edge in outcomeGroup)
            {
                if (local.TryGetValue(edge.Target, out var target))
                {
                    edges.Add((index, target, outcomePath));
                }
                else
                {
                    Error(DiagnosticCodes.MissingEdgeTarget, outcomePath, $"Activity '{node.Id}' continues to '{edge.Target}' on outcome '{outcome}', but {Where(edge.Target)}.{Suggestions.Hint(edge.Target, local.Keys)}");
                }
            }
        }

        for (var c = 0; c < node.Catch.Count; c++)
        {
            var next = node.Catch[c].Next;
            if (next.Length == 0)
            {
                continue;
            }

            if (local.TryGetValue(next, out var target))
            {
                edges.Add((index, target, $"{path}/catch/{c}/next"));
            }
            else
            {
                Error(DiagnosticCodes.MissingCatchTarget, $"{path}/catch/{c}/next", $"The catch of activity '{node.Id}' goes to '{next}', but {Where(next)}.{Suggestions.Hint(next, local.Keys)}");
            }
        }
    }

    private string Where(string target) => _idPaths.TryGetValue(target, out var elsewhere)
        ? $"'{target}' is in another flowchart ({elsewhere}); edges cannot enter or leave a body"
        : $"no activity has that id in this flowchart";

    private static string NextPath(ActivityNode node, string path, string outcome, ActivityDescriptor? descriptor)
    {
        var defaultOutcome = descriptor is { Outcomes.Count: > 0 } ? descriptor.Outcomes[0] : Engine.Activities.OutcomesAttribute.Done;
        var shortForm = node.Next.All(e => e.Outcome == defaultOutcome);
        return shortForm ? $"{path}/next" : $"{path}/next/{ValueSyntax.EscapePointerSegment(outcome)}";
    }

    private void CheckCycles(IReadOnlyList<ActivityNode> activities, List<(int From, int To, string Path)> edges)
    {
        // Iterative depth-first search; a back edge closes a cycle, reported once at the edge that closes it.
        var state = new int[activities.Count];
        var outgoing = edges.ToLookup(e => e.From);
        for (var root = 0; root < activities.Count; root++)
        {
            if (state[root] != 0)
            {
                continue;
            }

            var stack = new Stack<(int Node, IEnumerator<(int From, int To, string Path)> Edges)>();
            var trail = new List<int>();
            state[root] = 1;
            trail.Add(root);
            stack.Push((root, outgoing[root].GetEnumerator()));
            while (stack.Count > 0)
            {
                var (node, enumerator) = stack.Peek();
                if (!enumerator.MoveNext())
                {
                    state[node] = 2;
                    trail.RemoveAt(trail.Count - 1);
                    stack.Pop();
                    continue;
                }

                var edge = enumerator.Current;
                if (state[edge.To] == 1)
                {
                    var cycle = trail.Skip(trail.IndexOf(edge.To)).Append(edge.To).Select(i => activities[i].Id);
                    Error(DiagnosticCodes.Cycle, edge.Path, $"Edges form a cycle: {string.Join(" → ", cycle)}. A flowchart cannot loop back; repeat work with ForEach (its body runs per item) or a retry on the activity.");
                }
                else if (state[edge.To] == 0)
                {
                    state[edge.To] = 1;
                    trail.Add(edge.To);
                    stack.Push((edge.To, outgoing[edge.To].GetEnumerator()));
                }
            }
        }
    }

    private void CheckReachability(IReadOnlyList<ActivityNode> activities, string path, List<(int From, int To, string Path)> edges)
    {
        var incoming = new bool[activities.Count];
        foreach (var edge in edges)
        {
            incoming[edge.To] = true;
        }

        var reached = new bool[activities.Count];
        var queue = new Queue<int>(Enumerable.Range(0, activities.Count).Where(i => !incoming[i]));
        var outgoing = edges.ToLookup(e => e.From, e => e.To);
        while (queue.TryDequeue(out var node))
        {
            if (reached[node])
            {
                continue;
            }

            reached[node] = true;
            foreach (var next in outgoing[node])
            {
                queue.Enqueue(next);
            }
        }

        for (var i = 0; i < activities.Count; i++)
        {
            if (!reached[i])
            {
                _diagnostics.Add(new Diagnostic(
                    DiagnosticSeverity.Warning,
                    DiagnosticCodes.UnreachableActivity,
                    $"Activity '{activities[i].Id}' can never run: every path to it starts inside a cycle, so no start activity leads to it. Connect it from an activity that runs, or remove it.",
                    $"{path}/{i}"));
            }
        }
    }

    private void Error(string code, string path, string message) =>
        _diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, code, message, path));
}
