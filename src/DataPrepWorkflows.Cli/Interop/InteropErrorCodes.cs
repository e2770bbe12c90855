namespace DataPrepWorkflows.Cli.Interop;

/// <summary>Stable error codes of <c>dataprep import</c>, <c>export</c> and <c>diff</c> (DPC020–DPC029).</summary>
internal static class InteropErrorCodes
{
    /// <summary><c>--format</c> names a format that cannot be exported.</summary>
    public const string UnsupportedFormat = "DPC020";

    /// <summary>The workflow to export has errors.</summary>
    public const string InvalidWorkflowToExport = "DPC021";

    /// <summary>The Elsa file cannot be imported at all (not JSON, not a workflow definition).</summary>
    public const string NotImportable = "DPC022";

    /// <summary>The imported workflow was written but has errors to fix before it can run.</summary>
    public const string ImportedWithErrors = "DPC023";

    /// <summary>A workflow given to <c>diff</c> cannot be read.</summary>
    public const string UnreadableDiffInput = "DPC024";

    /// <summary>An output file cannot be written.</summary>
    public const string OutputNotWritable = "DPC025";
}
