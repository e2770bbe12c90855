using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DataPrepWorkflows.Activities.Clean.Operations;
using DataPrepWorkflows.Activities.Clean.Recipes;
using DataPrepWorkflows.Activities.Clean.Validation;
using DataPrepWorkflows.DataPlane.Datasets;
using DataPrepWorkflows.DataPlane.DuckDb;
using DataPrepWorkflows.DataPlane.Sessions;

namespace DataPrepWorkflows.Activities.Clean.Running;

/// <summary>
/// Runs recipes on the DuckDB data plane. The input is read once into a table; every step becomes a view over the
/// previous one, so consecutive row-wise steps run as one pipeline when the output is written. A step that needs
/// statistics of its input (mean, median, quantiles, mode) gets that input computed once into a table first.
/// Per-step row counts and filled values are measured in one extra query over the same views (only for steps that
/// can remove rows or fill values).
/// </summary>
public sealed class RecipeRunner
{
    private const string SourceTable = "recipe_source";
    private readonly DuckDbSession _session;

    /// <summary>Creates a runner over a session; the runner creates temporary tables and views named <c>recipe_*</c> in it.</summary>
    /// <param name="session">The session.</param>
    public RecipeRunner(DuckDbSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        _session = session;
    }

    /// <summary>Validates a recipe against the columns of the dataset at <paramref name="dataPath"/> (reads only its schema).</summary>
    /// <param name="recipe">The recipe.</param>
    /// <param name="dataPath">A local file, glob or folder.</param>
    /// <param name="read">How to read it; <see langword="null"/> detects the format.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The diagnostics.</returns>
    /// <exception cref="DatasetException">The data cannot be read.</exception>
    public async Task<RecipeValidation> ValidateAsync(Recipe recipe, string dataPath, DatasetReadOptions? read = null, CancellationToken cancellationToken = default)
    {
        var schema = await _session.Open(dataPath, read).GetSchemaAsync(cancellationToken).ConfigureAwait(false);
        return RecipeValidator.Validate(recipe, schema.Columns.Select(c => c.Name).ToList());
    }

    /// <summary>Runs <paramref name="recipe"/> on the data at <paramref name="dataPath"/> and writes the result to <paramref name="outputPath"/>.</summary>
    /// <param name="recipe">The recipe.</param>
    /// <param name="dataPath">A local file, glob or folder.</param>
    /// <param name="outputPath">The output file (or folder when partitioned); format from the extension or <paramref name="write"/>.</param>
    /// <param name="write">Output format and partitioning.</param>
    /// <param name="read">How to read the input.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The result; when validation fails it carries the diagnostics and nothing is written.</returns>
    /// <exception cref="DatasetException">The data cannot be read or the output cannot be written.</exception>
    public async Task<RecipeRunResult> RunAsync(
        Recipe recipe,
        string dataPath,
        string outputPath,
        DatasetWriteOptions? write = null,
        DatasetReadOptions? read = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        var source = await _session.MaterializeAsync(SourceTable, _session.Open(dataPath, read), cancellationToken).ConfigureAwait(false);
        var inputColumns = (await source.GetSchemaAsync(cancellationToken).ConfigureAwait(false)).Columns.Select(c => c.Name).ToList();
        await _session.ExecuteAsync($"CREATE OR REPLACE TEMP VIEW {View(0)} AS SELECT *, rowid AS {Sql.Id(Sql.RowColumn)} FROM {SourceTable}", cancellationToken).ConfigureAwait(false);

        var validation = RecipeValidator.Validate(recipe, inputColumns);
        if (!validation.IsValid)
        {
            return Failed(validation);
        }

        var diagnostics = new List<RecipeDiagnostic>();
        var plans = new List<CompiledStep>();
        var columns = (IReadOnlyList<string>)inputColumns;
        for (var i = 0; i < recipe.Steps.Count; i++)
        {
            var step = recipe.Steps[i];
            var distinct = await DistinctValuesAsync(step, i, columns, diagnostics, cancellationToken).ConfigureAwait(false);
            var compiled = diagnostics.Count == 0 ? StepCompiler.Compile(i + 1, step, columns, View(i), distinct, diagnostics) : null;
            if (compiled is null)
            {
                return Failed(new RecipeValidation(diagnostics, columns));
            }

            if (ReadsSourceMoreThanOnce(compiled.Plan.Select, View(i)))
            {
                // A step with statistics reads its input several times; reading a chain of views that often would
                // re-run every earlier step per read, so its input is computed once into a table.
                var table = "recipe_input_" + i.ToString(CultureInfo.InvariantCulture);
                if (!await TryExecuteAsync($"CREATE OR REPLACE TEMP TABLE {table} AS SELECT * FROM {View(i)}", i, compiled.Operation, diagnostics, cancellationToken).ConfigureAwait(false))
                {
                    return Failed(new RecipeValidation(diagnostics, columns));
                }

                compiled = StepCompiler.Compile(i + 1, step, columns, table, distinct, diagnostics)!;
            }

            try
            {
                await _session.ExecuteAsync($"CREATE OR REPLACE TEMP VIEW {View(i + 1)} AS {compiled.Plan.Select}", cancellationToken).ConfigureAwait(false);
                if (compiled.Plan.Reorders)
                {
                    // Windows, sorts and groupings are the costly steps: computed once into a table in row order, they
                    // are not recomputed by later reads (statistics, counts) and the output needs no final sort.
                    var table = "recipe_table_" + (i + 1).ToString(CultureInfo.InvariantCulture);
                    await _session.ExecuteAsync($"CREATE OR REPLACE TEMP TABLE {table} AS SELECT * FROM {View(i + 1)} ORDER BY {Sql.Id(Sql.RowColumn)}", cancellationToken).ConfigureAwait(false);
                    await _session.ExecuteAsync($"CREATE OR REPLACE TEMP VIEW {View(i + 1)} AS SELECT * FROM {table}", cancellationToken).ConfigureAwait(false);
                }
            }
            catch (DuckDbException error) when (error.Kind != DuckDbErrorKind.Interrupt)
            {
                diagnostics.Add(new(RecipeDiagnosticCodes.StepFailed, i + 1, compiled.Operation, null, $"the step cannot run on this data: {error.Message}"));
                return Failed(new RecipeValidation(diagnostics, columns));
            }

            plans.Add(compiled);
            columns = compiled.Plan.Columns;
        }

        try
        {
            var steps = await MeasureAsync(plans, inputColumns.Count, cancellationToken).ConfigureAwait(false);
            var final = Final(plans, columns);
            var output = _session.Sql(final);
            var written = await output.WriteAsync(outputPath, write, cancellationToken).ConfigureAwait(false);
            var schema = (await output.GetSchemaAsync(cancellationToken).ConfigureAwait(false)).Columns;
            var diff = new RecipeDiff(
                steps[0].Rows,
                written.Rows,
                steps.Sum(s => s.ValuesFilled),
                columns.Where(c => !inputColumns.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList(),
                inputColumns.Where(c => !columns.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList());
            return new RecipeRunResult(validation, written, steps, diff, schema);
        }
        catch (DuckDbException error) when (error.Kind != DuckDbErrorKind.Interrupt)
        {
            diagnostics.Add(new(RecipeDiagnosticCodes.StepFailed, null, null, null, $"the recipe failed on this data: {error.Message}"));
            return Failed(new RecipeValidation(diagnostics, columns));
        }
    }

    /// <summary>Runs SQL for step <paramref name="index"/> + 1, turning DuckDB's refusal into a DBR021 diagnostic.</summary>
    private async Task<bool> TryExecuteAsync(string sql, int index, string operation, List<RecipeDiagnostic> diagnostics, CancellationToken cancellationToken)
    {
        try
        {
            await _session.ExecuteAsync(sql, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DuckDbException error) when (error.Kind != DuckDbErrorKind.Interrupt)
        {
            diagnostics.Add(new(RecipeDiagnosticCodes.StepFailed, index + 1, operation, null, $"the step cannot run on this data: {error.Message}"));
            return false;
        }
    }

    private static bool ReadsSourceMoreThanOnce(string select, string source) =>
        Regex.Count(select, $@"\b{source}\b") > 1;

    private static string View(int step) => "recipe_step_" + step.ToString(CultureInfo.InvariantCulture);

    private static RecipeRunResult Failed(RecipeValidation validation) => new(validation, null, [], null, []);

    /// <summary>The output query: visible columns only (reordering steps were materialized in row order).</summary>
    private static string Final(IReadOnlyList<CompiledStep> plans, IReadOnlyList<string> columns)
    {
        var select = columns.Count == 0 ? "*" : string.Join(", ", columns.Select(Sql.Id));
        _ = plans;
        return $"SELECT {select} FROM {View(plans.Count)}";
    }

    private async Task<IReadOnlyList<string?>?> DistinctValuesAsync(RecipeStep step, int index, IReadOnlyList<string> columns, List<RecipeDiagnostic> diagnostics, CancellationToken cancellationToken)
    {
        if (OperationCatalog.Find(step.Action.Operation) is not { NeedsDistinctValuesOf: { } parameter }
            || !step.Action.Parameters.TryGetValue(parameter, out var name)
            || !ColumnNames.Exists(columns, name))
        {
            return null;
        }

        var column = Sql.Id(columns.First(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase)));
        var rows = await _session.QueryAsync(
            $"SELECT DISTINCT CAST({column} AS VARCHAR) FROM {View(index)} WHERE {column} IS NOT NULL AND CAST({column} AS VARCHAR) <> '' ORDER BY 1 LIMIT {EncodingOperations.MaxOneHotValues + 1}",
            cancellationToken).ConfigureAwait(false);
        if (rows.Rows.Count > EncodingOperations.MaxOneHotValues)
        {
            diagnostics.Add(new(RecipeDiagnosticCodes.TooManyCategories, index + 1, step.Action.Operation, parameter,
                $"'{name}' has more than {EncodingOperations.MaxOneHotValues} distinct values; one-hot encoding takes at most {EncodingOperations.MaxOneHotValues}. Map rare values first (CATEGORICAL_MAPPING with other)."));
            return null;
        }

        return rows.Rows.Select(r => r[0] as string).ToList();
    }

    /// <summary>Rows after each step and values filled, in one query; steps that cannot change the row count inherit it.</summary>
    private async Task<IReadOnlyList<RecipeStepResult>> MeasureAsync(IReadOnlyList<CompiledStep> plans, int inputColumns, CancellationToken cancellationToken)
    {
        var query = new StringBuilder($"SELECT (SELECT count(*) FROM {SourceTable})");
        foreach (var (plan, i) in plans.Select((p, i) => (p.Plan, i)))
        {
            query.Append(plan.RemovesRows ? $", (SELECT count(*) FROM {View(i + 1)})" : ", NULL");
            if (plan.FillsColumn is { } filled)
            {
                var column = Sql.Id(filled);
                var missing = MissingValueOperations.Missing(column);
                query.Append(CultureInfo.InvariantCulture, $", (SELECT count(*) FILTER (WHERE {missing}) FROM {View(i)}) - (SELECT count(*) FILTER (WHERE {missing}) FROM {View(i + 1)})");
            }
            else
            {
                query.Append(", 0");
            }
        }

        var row = (await _session.QueryAsync(query.ToString(), cancellationToken).ConfigureAwait(false)).Rows[0];
        var rows = Convert.ToInt64(row[0], CultureInfo.InvariantCulture);
        var results = new List<RecipeStepResult> { new(0, "INPUT", rows, inputColumns, 0) };
        for (var i = 0; i < plans.Count; i++)
        {
            rows = row[1 + (2 * i)] is { } counted ? Convert.ToInt64(counted, CultureInfo.InvariantCulture) : rows;
            results.Add(new(i + 1, plans[i].Operation, rows, plans[i].Plan.Columns.Count, Convert.ToInt64(row[2 + (2 * i)], CultureInfo.InvariantCulture)));
        }

        return results;
    }
}
