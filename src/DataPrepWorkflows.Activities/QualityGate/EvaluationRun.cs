using DataPrepWorkflows.DataPlane.Datasets;
using DataPrepWorkflows.DataPlane.Sessions;
using DataPrepWorkflows.Dqdl;
using DataPrepWorkflows.Dqdl.Rules;

namespace DataPrepWorkflows.Activities.QualityGate;

/// <summary>
/// One evaluation of a ruleset: registers the data as <c>primary</c> and the references by alias, compiles every
/// rule into one metric plan, runs it (one scan for all simple metrics), judges each rule, combines composites,
/// writes the row-level outputs and appends the metrics to the history.
/// </summary>
internal sealed class EvaluationRun(DuckDbSession session, Func<string, string> resolve, string? historyFolder)
{
    private PrimarySource? _primary;

    public async Task<DataQualityReport> RunAsync(
        DqdlDocument ruleset, string data, IReadOnlyDictionary<string, string> references, DataQualityOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await EvaluateAsync(ruleset, data, references, options, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // The session may be the caller's: leave it able to run the next evaluation.
            if (_primary is not null)
            {
                await _primary.DropAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<DataQualityReport> EvaluateAsync(
        DqdlDocument ruleset, string data, IReadOnlyDictionary<string, string> references, DataQualityOptions options, CancellationToken cancellationToken)
    {
        var dataPath = resolve(data);
        var datasetName = string.IsNullOrWhiteSpace(options.DatasetName) ? DefaultName(dataPath) : options.DatasetName;
        var now = options.Clock.GetUtcNow();
        var history = historyFolder is null
            ? MetricHistory.Empty
            : await MetricHistory.LoadAsync(MetricHistory.FileFor(historyFolder, datasetName), cancellationToken).ConfigureAwait(false);
        var judge = new JudgeContext(now, history);

        // The metrics need one read of the file; row-level outputs read the rows again, so they want a table.
        var rowLevel = options.PassingOutput is not null || options.FailingOutput is not null;
        _primary = await PrimarySource.OpenAsync(session, session.Open(dataPath), rowLevel, cancellationToken).ConfigureAwait(false);
        var schema = _primary.Schema;
        var referenceSchemas = new Dictionary<string, DatasetSchema>(StringComparer.Ordinal);
        foreach (var (alias, path) in references)
        {
            var view = await session.RegisterAsync(alias, session.Open(resolve(path)), cancellationToken).ConfigureAwait(false);
            referenceSchemas[alias] = await view.GetSchemaAsync(cancellationToken).ConfigureAwait(false);
        }

        var plan = new MetricPlan();
        var context = new RuleCompileContext(schema, plan, referenceSchemas, judge, p => Files(p is null ? dataPath : resolve(p)))
        {
            StatementColumns = await StatementColumnsAsync(ruleset, cancellationToken).ConfigureAwait(false),
        };
        var compiled = new Dictionary<DqRule, (CompiledRule? Rule, string? Error)>(ReferenceEqualityComparer.Instance);
        foreach (var rule in ruleset.AllRules())
        {
            compiled[rule] = Try(() => RuleCompiler.Compile(rule, context));
        }

        var analyzers = ruleset.Analyzers.Select(a => Try(() => AnalyzerCompiler.Compile(a, context))).ToList();
        var rowChecks = RowChecks(ruleset, compiled);

        var values = await PlanExecutor.RunAsync(session, plan, _primary, cancellationToken).ConfigureAwait(false);
        var leaves = new Dictionary<DqRule, LeafResult>(ReferenceEqualityComparer.Instance);
        foreach (var (rule, (compiledRule, error)) in compiled)
        {
            leaves[rule] = compiledRule is null ? LeafResult.Error(error!) : Judge(compiledRule, values, judge);
        }

        var analyzerMetrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (measures, _) in analyzers)
        {
            foreach (var measure in measures ?? [])
            {
                try
                {
                    foreach (var (name, value) in measure(values).Metrics)
                    {
                        analyzerMetrics[name] = value;
                    }
                }
                catch (RuleEvaluationException)
                {
                    // An analyzer has no outcome to carry an error; its metric is simply absent, as in Glue.
                }
            }
        }

        var results = ruleset.Rules.Select(node => CompositeResults.Combine(node, leaves)).ToList();
        DataQualityRowOutputs? rowOutputs = null;
        if (rowLevel)
        {
            rowOutputs = await RowLevelOutputs.WriteAsync(
                session,
                rowChecks,
                OutputPath(options.PassingOutput),
                OutputPath(options.FailingOutput),
                cancellationToken).ConfigureAwait(false);
        }

        if (options.RecordHistory)
        {
            var metrics = new Dictionary<string, double>(analyzerMetrics, StringComparer.Ordinal);
            foreach (var leaf in leaves.Values)
            {
                foreach (var (name, value) in leaf.Metrics)
                {
                    metrics[name] = value;
                }
            }

            await history.AppendAsync(now, metrics, cancellationToken).ConfigureAwait(false);
        }

        return new DataQualityReport(datasetName, now, results, analyzerMetrics, rowOutputs);
    }

    private static LeafResult Judge(CompiledRule rule, MetricValues values, JudgeContext context)
    {
        try
        {
            return rule.Judge(rule.Measure(values), context);
        }
        catch (RuleEvaluationException error)
        {
            return LeafResult.Error(error.Message);
        }
        catch (InvalidOperationException error)
        {
            // A dynamic rule's unknown function or bad argument: the message names the call.
            return LeafResult.Error(error.Message);
        }
    }

    private static (T? Value, string? Error) Try<T>(Func<T> compile)
        where T : class
    {
        try
        {
            return (compile(), null);
        }
        catch (RuleEvaluationException error)
        {
            return (null, error.Message);
        }
        catch (InvalidOperationException error)
        {
            return (null, error.Message);
        }
    }

    private static List<(string Rule, RowCheck Check)> RowChecks(DqdlDocument ruleset, Dictionary<DqRule, (CompiledRule? Rule, string? Error)> compiled)
    {
        var checks = new List<(string, RowCheck)>();
        foreach (var node in ruleset.Rules)
        {
            if (CompositeResults.RowCheck(node, compiled, topLevel: true) is { } check)
            {
                checks.Add((node.ToString(), check));
            }
        }

        return checks;
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> StatementColumnsAsync(DqdlDocument ruleset, CancellationToken cancellationToken)
    {
        var columns = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var rule in ruleset.AllRules().Where(r => r.RuleType == "CustomSql" && r.Condition is null))
        {
            var statement = CustomSqlText.Prepare(rule.Parameters[0].Value);
            try
            {
                var rows = await session.QueryAsync($"SELECT * FROM ({statement}) LIMIT 0", cancellationToken).ConfigureAwait(false);
                columns[statement] = [.. rows.Columns.Select(c => c.Name)];
            }
            catch (DataPlane.DuckDb.DuckDbException)
            {
                // The statement's own error is reported when its metric is computed.
            }
        }

        return columns;
    }

    private string? OutputPath(string? pathOrUri)
    {
        if (pathOrUri is null)
        {
            return null;
        }

        var path = resolve(pathOrUri);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    private static IReadOnlyList<string> Files(string path)
    {
        if (Directory.Exists(path))
        {
            var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
            return files.Count > 0 ? files : throw new RuleEvaluationException($"The folder '{path}' holds no files.");
        }

        return File.Exists(path) ? [path] : throw new RuleEvaluationException($"No file or folder at '{path}'.");
    }

    private static string DefaultName(string path) =>
        Path.GetFileNameWithoutExtension(Path.TrimEndingDirectorySeparator(path)) is { Length: > 0 } name ? name : "dataset";
}
