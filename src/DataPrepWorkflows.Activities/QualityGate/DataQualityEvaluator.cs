using DataPrepWorkflows.Activities.Backends;
using DataPrepWorkflows.DataPlane.Sessions;
using DataPrepWorkflows.Dqdl;

namespace DataPrepWorkflows.Activities.QualityGate;

/// <summary>
/// Evaluates a DQDL ruleset against a dataset with AWS Glue Data Quality semantics on the local DuckDB data plane:
/// every simple metric of every rule in one scan, per-rule results in Glue's shape, optional row-level outputs,
/// and metric history for dynamic rules and <c>DetectAnomalies</c>.
/// </summary>
public static class DataQualityEvaluator
{
    /// <summary>Evaluates <paramref name="ruleset"/> against <paramref name="data"/> using the host's backends.</summary>
    /// <param name="backends">Storage (for <c>s3://</c> paths), the state folder (metric history) and DuckDB.</param>
    /// <param name="ruleset">The parsed ruleset (<see cref="DqdlDocument.Parse(string)"/>).</param>
    /// <param name="data">The dataset: a CSV, JSON Lines or Parquet file, folder or glob; a local path or <c>s3://</c> URI.</param>
    /// <param name="references">Additional data sources by alias, for ReferentialIntegrity, DatasetMatch and the like.</param>
    /// <param name="options">Dataset name, clock and row-level outputs.</param>
    /// <param name="cancellationToken">Stops the evaluation.</param>
    /// <returns>One result per rule, analyzer metrics and the row-level outputs.</returns>
    /// <exception cref="DataPlane.Datasets.DatasetException">The data or a reference cannot be read.</exception>
    public static async Task<DataQualityReport> EvaluateAsync(
        DataBackends backends,
        DqdlDocument ruleset,
        string data,
        IReadOnlyDictionary<string, string>? references = null,
        DataQualityOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(backends);
        using var session = backends.OpenSession();
        return await Run(session, backends.ResolveLocalPath, backends.StateFolder, ruleset, data, references, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Evaluates <paramref name="ruleset"/> against local files in an open session.</summary>
    /// <param name="session">The DuckDB session; the evaluation creates views named <c>primary</c> and after each reference alias.</param>
    /// <param name="ruleset">The parsed ruleset.</param>
    /// <param name="data">The dataset's local path.</param>
    /// <param name="references">Additional data sources by alias (local paths).</param>
    /// <param name="options">Dataset name, clock and row-level outputs.</param>
    /// <param name="historyFolder">Folder that keeps metric history; <see langword="null"/> for none (dynamic rules see no history).</param>
    /// <param name="cancellationToken">Stops the evaluation.</param>
    /// <returns>One result per rule, analyzer metrics and the row-level outputs.</returns>
    public static Task<DataQualityReport> EvaluateAsync(
        DuckDbSession session,
        DqdlDocument ruleset,
        string data,
        IReadOnlyDictionary<string, string>? references = null,
        DataQualityOptions? options = null,
        string? historyFolder = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return Run(session, Path.GetFullPath, historyFolder, ruleset, data, references, options, cancellationToken);
    }

    private static Task<DataQualityReport> Run(
        DuckDbSession session,
        Func<string, string> resolve,
        string? historyFolder,
        DqdlDocument ruleset,
        string data,
        IReadOnlyDictionary<string, string>? references,
        DataQualityOptions? options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ruleset);
        ArgumentException.ThrowIfNullOrWhiteSpace(data);
        return new EvaluationRun(session, resolve, historyFolder).RunAsync(
            ruleset, data, references ?? new Dictionary<string, string>(), options ?? new DataQualityOptions(), cancellationToken);
    }
}
