namespace DataPrepWorkflows.Engine.Activities;

/// <summary>
/// Marks a public property as an activity output: read when the activity completes and stored as
/// <c>activities.&lt;id&gt;.output.&lt;name&gt;</c> (name in camelCase) for later expressions.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class OutputAttribute : Attribute
{
    /// <summary>What the output holds.</summary>
    public string Description { get; init; } = "";
}
