using DataPrepWorkflows.Dsl.Diagnostics;
using DataPrepWorkflows.Engine.Definitions;

namespace DataPrepWorkflows.Dsl.Elsa;

/// <summary>The outcome of importing Elsa 3 JSON.</summary>
/// <param name="Definition">The workflow, or <c>null</c> when the JSON is not a workflow definition at all.</param>
/// <param name="Diagnostics">Problems found, with the JSON pointer (and line and column) in the Elsa file.</param>
/// <param name="Layout">Designer positions found in <c>metadata.designer.position</c>, or <c>null</c> when there are none.</param>
public sealed record ElsaImportResult(WorkflowDefinition? Definition, IReadOnlyList<Diagnostic> Diagnostics, WorkflowLayout? Layout)
{
    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
