using DataPrepWorkflows.Dsl.Diagnostics;
using DataPrepWorkflows.Dsl.Reading;
using DataPrepWorkflows.Engine.Descriptors;

namespace DataPrepWorkflows.Dsl.Writing;

/// <summary>
/// <c>dataprep fmt</c>: rewrites workflow text in canonical form. Formatting twice changes nothing; unknown properties
/// are kept. A file that cannot be read faithfully (malformed JSON, properties of the wrong shape) is not rewritten.
/// </summary>
public static class WorkflowFormatter
{
    /// <summary>Formats <paramref name="text"/>.</summary>
    /// <param name="text">Workflow JSON.</param>
    /// <param name="registry">Resolves default outcomes (see <see cref="WorkflowFile.Read(string, ActivityRegistry?)"/>).</param>
    public static FormatResult Format(string text, ActivityRegistry? registry = null)
    {
        var read = WorkflowFile.Read(text, registry);
        if (read.Definition is null || read.HasErrors)
        {
            // Values of the wrong shape are dropped while reading, so writing them back would lose the user's text.
            return new FormatResult(null, read.Diagnostics);
        }

        return new FormatResult(WorkflowWriter.Write(read.Definition, registry), read.Diagnostics);
    }
}

/// <summary>The outcome of formatting.</summary>
/// <param name="Text">The canonical text, or <c>null</c> when the file has errors that prevent a faithful rewrite.</param>
/// <param name="Diagnostics">Problems found while reading.</param>
public sealed record FormatResult(string? Text, IReadOnlyList<Diagnostic> Diagnostics);
