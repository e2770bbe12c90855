using DataPrepWorkflows.Dsl.Diagnostics;
using DataPrepWorkflows.Engine.Definitions;

namespace DataPrepWorkflows.Dsl.Reading;

/// <summary>The outcome of reading a workflow file.</summary>
/// <param name="Definition">The workflow, or <c>null</c> when the file is not a JSON object at all.</param>
/// <param name="Diagnostics">Problems found while reading (malformed JSON, wrong property types); positions filled in.</param>
/// <param name="SourceMap">Positions of every value, for later diagnostics.</param>
public sealed record ReadResult(WorkflowDefinition? Definition, IReadOnlyList<Diagnostic> Diagnostics, SourceMap SourceMap)
{
    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
