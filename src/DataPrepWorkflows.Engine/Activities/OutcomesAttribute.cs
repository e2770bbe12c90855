namespace DataPrepWorkflows.Engine.Activities;

/// <summary>
/// The named outcomes (ports) an activity can complete with, in the order the designer shows them. Activities without
/// this attribute have the single outcome <c>Done</c>; the first listed outcome is the default one.
/// </summary>
/// <param name="outcomes">Outcome names, for example <c>Passed</c> and <c>Failed</c>.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class OutcomesAttribute(params string[] outcomes) : Attribute
{
    /// <summary>The outcome every activity has unless it declares others.</summary>
    public const string Done = "Done";

    /// <summary>Outcome names.</summary>
    public IReadOnlyList<string> Outcomes { get; } = outcomes;
}
