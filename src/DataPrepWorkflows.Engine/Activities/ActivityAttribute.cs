namespace DataPrepWorkflows.Engine.Activities;

/// <summary>Marks a class as an activity type and names it as workflow files refer to it.</summary>
/// <param name="typeName">The <c>type</c> used in workflow files, for example <c>QualityGate</c>.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string typeName) : Attribute
{
    /// <summary>The <c>type</c> used in workflow files.</summary>
    public string TypeName { get; } = typeName;

    /// <summary>Palette category in the designer. <value>Defaults to <c>Miscellaneous</c>.</value></summary>
    public string Category { get; init; } = "Miscellaneous";

    /// <summary>One sentence: what the activity does.</summary>
    public string Description { get; init; } = "";

    /// <summary>Name shown in the designer. <value>Defaults to the type name split into words.</value></summary>
    public string? DisplayName { get; init; }

    /// <summary>Version of the activity type. <value>Defaults to 1.</value></summary>
    public int Version { get; init; } = 1;

    /// <summary>
    /// Whether running the activity twice has the same effect as once, so the durable runtime may re-run it after a
    /// crash. <value>Defaults to true; activities that start external jobs set false and pass idempotency tokens.</value>
    /// </summary>
    public bool SafeToRerun { get; init; } = true;

    /// <summary>Whether the activity takes a nested <c>body</c> of activities (as <c>ForEach</c> does).</summary>
    public bool HasBody { get; init; }

    /// <summary>Whether outcomes are named by the workflow author (as <c>Switch</c> cases are).</summary>
    public bool DynamicOutcomes { get; init; }

    /// <summary>Whether the activity ends its branch or the workflow (as <c>Finish</c> and <c>Fail</c> do).</summary>
    public bool IsTerminal { get; init; }
}
