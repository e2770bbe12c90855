using DataPrepWorkflows.Engine.Definitions;

namespace DataPrepWorkflows.Engine.Execution;

/// <summary>A definition compiled for execution: built once per id and version, shared by all its instances.</summary>
internal sealed class WorkflowPlan
{
    public required WorkflowDefinition Definition { get; init; }

    public required FlowchartPlan Root { get; init; }

    public required NamedValue[] Variables { get; init; }

    public required NamedValue[] Outputs { get; init; }
}

/// <summary>A name with a compiled value (workflow variables and outputs).</summary>
internal sealed record NamedValue(string Name, ValueTemplate Value);

/// <summary>One flowchart (the root, or an activity's body): activities with edges and incoming counts.</summary>
internal sealed class FlowchartPlan
{
    public required ActivityPlan[] Activities { get; init; }

    public required Dictionary<string, ActivityPlan> ById { get; init; }

    /// <summary>Activities with no incoming edge (catch edges count as incoming).</summary>
    public required ActivityPlan[] Starts { get; init; }
}

/// <summary>One activity ready to run: descriptor, binder, compiled inputs and indexed edges.</summary>
internal sealed class ActivityPlan
{
    public required string Id { get; init; }

    public required ActivityNode Node { get; init; }

    public required Descriptors.ActivityDescriptor Descriptor { get; init; }

    public required ActivityBinder Binder { get; init; }

    public required InputPlan[] Inputs { get; init; }

    /// <summary>Whether any input needs an expression scope.</summary>
    public required bool HasExpressions { get; init; }

    /// <summary>Whether any input is secret (the journal gets a redacted copy).</summary>
    public required bool HasSecrets { get; init; }

    /// <summary>Required inputs with neither a value nor a default.</summary>
    public required string[] MissingRequired { get; init; }

    /// <summary>Outgoing edges, normal ones first then catch edges, in file order.</summary>
    public EdgePlan[] Edges { get; set; } = [];

    /// <summary>Number of edges (normal and catch) that end here.</summary>
    public int Incoming { get; set; }

    /// <summary>The outcome used when the activity chooses none.</summary>
    public required string DefaultOutcome
    {
        get => DefaultOutcomes[0];
        init => DefaultOutcomes = [value];
    }

    /// <summary><see cref="DefaultOutcome"/> as the array stored in activity states (shared: never modified).</summary>
    public string[] DefaultOutcomes { get; private init; } = [];

    /// <summary>For a Join in WaitAny mode: run on the first taken branch.</summary>
    public required bool WaitAny { get; init; }

    /// <summary>The body flowchart (ForEach), or <c>null</c>.</summary>
    public FlowchartPlan? Body { get; set; }
}

/// <summary>A compiled input: name, descriptor (null for inputs the type does not declare) and value.</summary>
internal sealed record InputPlan(string Name, Descriptors.InputDescriptor? Descriptor, InputBinding? Binding, ValueTemplate Value)
{
    public bool Secret => Descriptor?.Secret == true;
}

/// <summary>An edge: normal (by outcome) or from the activity's catch number <see cref="CatchIndex"/>.</summary>
internal sealed record EdgePlan(string Outcome, ActivityPlan Target, int CatchIndex)
{
    public bool IsCatch => CatchIndex >= 0;
}
