namespace DataPrepWorkflows.Engine.Activities;

/// <summary>
/// An activity whose whole work is one call: it completes with the default outcome (<c>Done</c>) when
/// <see cref="Activity.ExecuteAsync"/> returns, unless it chose an outcome with <see cref="ActivityContext.SetOutcome"/>.
/// </summary>
public abstract class CodeActivity : Activity;
