namespace DataPrepWorkflows.Labeling.Jobs;

/// <summary>A labeling request the user can fix; carries every diagnostic found, not only the first.</summary>
public sealed class LabelingException : Exception
{
    /// <summary>Creates the error from its diagnostics (at least one).</summary>
    public LabelingException(IReadOnlyList<LabelingDiagnostic> diagnostics)
        : base(Describe(diagnostics)) => Diagnostics = diagnostics;

    /// <summary>Creates the error from one diagnostic.</summary>
    public LabelingException(string code, string field, string message)
        : this([new LabelingDiagnostic(code, field, message)])
    {
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<LabelingDiagnostic> Diagnostics { get; }

    /// <summary>The first diagnostic's code.</summary>
    public string Code => Diagnostics[0].Code;

    private static string Describe(IReadOnlyList<LabelingDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (diagnostics.Count == 0)
        {
            throw new ArgumentException("At least one diagnostic is needed.", nameof(diagnostics));
        }

        return diagnostics.Count == 1
            ? $"{diagnostics[0].Field}: {diagnostics[0].Message}"
            : string.Join("; ", diagnostics.Select(d => $"{d.Code} {d.Field}: {d.Message}"));
    }
}
