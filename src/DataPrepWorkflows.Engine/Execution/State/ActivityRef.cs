namespace DataPrepWorkflows.Engine.Execution;

/// <summary>An activity in a scope.</summary>
/// <param name="ScopeId">The scope id.</param>
/// <param name="ActivityId">The activity id.</param>
public sealed record ActivityRef(string ScopeId, string ActivityId);
