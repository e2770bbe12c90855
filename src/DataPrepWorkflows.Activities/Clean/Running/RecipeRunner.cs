using System.Globalization;
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
/// statistics of its input (mean, median, quantiles, σ) gets them from one aggregate query over that input and
/// carries them as constants, so its view stays part of the pipeline; only steps that sort, group or use windows
/// (and statistics that are not single aggregates, such as modes) have their data computed into a table.
/// Per-step row counts and filled values come from those aggregate queries when they scan the same stage, else from
/// one closing query (only for steps that can remove rows or fill values).
/// </summary>
public sealed class RecipeRunner
{
    private const string SourceTable = "recipe_source";

    /// <summary>Rounds of statistics a step may take (trimmed MODIFIED_Z_SCORE: percentiles, median, MAD).</summary>
    private const int MaxStatisticRounds = 4;
    private readonly DuckDbSession _session;

    /// <summary>Creates a runner over a session; the runner creates temporary tables and views named <c>recipe_*</c> in it.</summary>
    /// <param name="session">The session.</param>
    public RecipeRunner(DuckDbSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        _session = session;
    }

    /// <summary>The widest row-position range for which exact duplicates are deleted by a filter rather than a grouping.</summary>
    internal long DuplicateFilterMaxRange { get; init; } = DuplicateFilter.MaxRange;

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
        await _session.MaterializeAsync(SourceTable, _session.Open(dataPath, read), cancellationToken).ConfigureAwait(false);
        await _session.ExecuteAsync($"CREATE OR REPLACE TEMP VIEW {View(0)} AS SELECT *, rowid AS {Sql.Id(Sql.RowColumn)} FROM {SourceTable}", cancellationToken).ConfigureAwait(false);
        var types = await TypesAsync(View(0), cancellationToken).ConfigureAwait(false);
        var inputColumns = types.Keys.ToList();

        var validation = RecipeValidator.Validate(recipe, inputColumns);
        if (!validation.IsValid)
        {
            return Failed(validation);
        }

        var diagnostics = new List<RecipeDiagnostic>();
        var plans = new List<CompiledStep>();
        var counts = new StageCounts();
        counts.Need(0, StageCounts.Rows);
        var filled = new List<(string Before, string After)?>();
        var columns = (IReadOnlyList<string>)inputColumns;
        for (var i = 0; i < recipe.Steps.Count; i++)
        {
            var step = recipe.Steps[i];
            var distinct = await DistinctValuesAsync(step, i, columns, diagnostics, cancellationToken).ConfigureAwait(false);
            var compiled = diagnostics.Count == 0 ? StepCompiler.Compile(i + 1, step, columns, View(i), distinct, diagnostics, types: types) : null;
            if (compiled is null)
            {
                return Failed(new RecipeValidation(diagnostics, columns));
            }

            var before = compiled.Plan.FillsColumn is { } fill ? StageCounts.Where(Missing(fill, types)) : null;
            if (before is not null)
            {
                counts.Need(i, before);
            }

            compiled = await WithStatisticsAsync(compiled, step, i, columns, distinct, types, counts, diagnostics, cancellationToken).ConfigureAwait(false);
            if (compiled is null)
            {
                return Failed(new RecipeValidation(diagnostics, columns));
            }

            try
            {
                if (compiled.Plan.DuplicatesOf is { } duplicates
                    && await DuplicateFilter.SelectAsync(_session, View(i), duplicates, DuplicateFilterMaxRange, cancellationToken).ConfigureAwait(false) is { } filter)
                {
                    compiled = compiled with { Plan = compiled.Plan with { Select = filter, Reorders = false } };
                }

                await _session.ExecuteAsync($"CREATE OR REPLACE TEMP VIEW {View(i + 1)} AS {compiled.Plan.Select}", cancellationToken).ConfigureAwait(false);
                if (compiled.Plan.Reorders)
                {
                    // Windows, sorts and groupings are the costly steps: computed once into a table in row order, they
                    // are not recomputed by later reads (statistics, counts) and the output needs no final sort.
                    var table = "recipe_table_" + (i + 1).ToString(CultureInfo.InvariantCulture);
                    await _session.ExecuteAsync($"CREATE OR REPLACE TEMP TABLE {table} AS SELECT * FROM {View(i + 1)} ORDER BY {Sql.Id(Sql.RowColumn)}", cancellationToken).ConfigureAwait(false);
                    await _session.ExecuteAsync($"CREATE OR REPLACE TEMP VIEW {View(i + 1)} AS SELECT * FROM {table}", cancellationToken).ConfigureAwait(false);
                }

                types = await TypesAsync(View(i + 1), cancellationToken).ConfigureAwait(false);
            }
            catch (DuckDbException error) when (error.Kind != DuckDbErrorKind.Interrupt)
            {
                diagnostics.Add(StepFailed(i, compiled.Operation, error));
                return Failed(new RecipeValidation(diagnostics, columns));
            }

            if (compiled.Plan.RemovesRows)
            {
                counts.Need(i + 1, StageCounts.Rows);
            }

            var after = compiled.Plan.FillsColumn is { } filledColumn ? StageCounts.Where(Missing(filledColumn, types)) : null;
            if (after is not null)
            {
                counts.Need(i + 1, after);
            }

            filled.Add(before is not null && after is not null ? (before, after) : null);
            plans.Add(compiled);
            columns = compiled.Plan.Columns;
        }

        try
        {
            var output = _session.Sql(Final(plans.Count, columns));
            var written = await output.WriteAsync(outputPath, write, cancellationToken).ConfigureAwait(false);
            var steps = await MeasureAsync(plans, filled, counts, inputColumns.Count, written.Rows, cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// Computes the statistics step <paramref name="index"/> + 1 needs over its input in one aggregate query (with the
    /// counts the journal wants of that input) and compiles the step again with their values as constants. Statistics
    /// built on others (the MAD on the median) take one more round each. A step that still reads its input more than
    /// once (modes, most frequent values) gets that input computed once into a table instead.
    /// </summary>
    /// <returns>The step to run, or <see langword="null"/> with a DBR021 diagnostic when DuckDB refused it.</returns>
    private async Task<CompiledStep?> WithStatisticsAsync(
        CompiledStep compiled,
        RecipeStep step,
        int index,
        IReadOnlyList<string> columns,
        IReadOnlyList<string?>? distinct,
        IReadOnlyDictionary<string, DuckDbType> types,
        StageCounts counts,
        List<RecipeDiagnostic> diagnostics,
        CancellationToken cancellationToken)
    {
        var input = View(index);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var round = 0; round < MaxStatisticRounds; round++)
        {
            // An aggregate still naming the input holds a statistic not computed yet; it waits for the next round.
            var ready = compiled.Statistics.Where(a => !values.ContainsKey(a) && !Reads(a, input)).ToList();
            if (ready.Count == 0)
            {
                break;
            }

            try
            {
                foreach (var (aggregate, value) in await StagePass.RunAsync(_session, input, index, ready, counts, cancellationToken).ConfigureAwait(false))
                {
                    values[aggregate] = value;
                }
            }
            catch (DuckDbException error) when (error.Kind != DuckDbErrorKind.Interrupt)
            {
                diagnostics.Add(StepFailed(index, compiled.Operation, error));
                return null;
            }

            compiled = StepCompiler.Compile(index + 1, step, columns, input, distinct, diagnostics, values, types)!;
        }

        if (!ReadsSourceMoreThanOnce(compiled.Plan.Select, input))
        {
            return compiled;
        }

        // Reading a chain of views several times would re-run every earlier step per read.
        var table = "recipe_input_" + index.ToString(CultureInfo.InvariantCulture);
        if (!await TryExecuteAsync($"CREATE OR REPLACE TEMP TABLE {table} AS SELECT * FROM {input}", index, compiled.Operation, diagnostics, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return StepCompiler.Compile(index + 1, step, columns, table, distinct, diagnostics, values, types)!;
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
            diagnostics.Add(StepFailed(index, operation, error));
            return false;
        }
    }

    /// <summary>DBR021 for step <paramref name="index"/> + 1: DuckDB refused to run it on this data.</summary>
    private static RecipeDiagnostic StepFailed(int index, string operation, DuckDbException error) =>
        new(RecipeDiagnosticCodes.StepFailed, index + 1, operation, null, $"the step cannot run on this data: {error.Message}");

    /// <summary>The visible columns of a relation (in order) and their types, read from the query's binding without running it.</summary>
    private async Task<IReadOnlyDictionary<string, DuckDbType>> TypesAsync(string relation, CancellationToken cancellationToken)
    {
        var columns = (await _session.QueryAsync($"SELECT * FROM {relation} LIMIT 0", cancellationToken).ConfigureAwait(false)).Columns;
        var types = new OrderedDictionary<string, DuckDbType>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in columns.Where(c => c.Name != Sql.RowColumn))
        {
            types[column.Name] = column.Type.Id;
        }

        return types;
    }

    private static string Missing(string column, IReadOnlyDictionary<string, DuckDbType> types) =>
        MissingValueOperations.Missing(Sql.Id(column), types.TryGetValue(column, out var type) ? type : null);

    private static bool Reads(string sql, string relation) => Regex.IsMatch(sql, $@"\b{relation}\b");

    private static bool ReadsSourceMoreThanOnce(string select, string source) =>
        Regex.Count(select, $@"\b{source}\b") > 1;

    private static string View(int step) => "recipe_step_" + step.ToString(CultureInfo.InvariantCulture);

    private static RecipeRunResult Failed(RecipeValidation validation) => new(validation, null, [], null, []);

    /// <summary>The output query: visible columns only (reordering steps were materialized in row order).</summary>
    private static string Final(int steps, IReadOnlyList<string> columns)
    {
        var select = columns.Count == 0 ? "*" : string.Join(", ", columns.Select(Sql.Id));
        return $"SELECT {select} FROM {View(steps)}";
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
        // Missing values are dropped here rather than in a WHERE: DuckDB would push that filter down into the views and
        // compute the column's expression (regular expressions, case changes…) once more per reference.
        var rows = await _session.QueryAsync(
            $"SELECT DISTINCT CAST({column} AS VARCHAR) AS v FROM {View(index)} ORDER BY v NULLS FIRST LIMIT {EncodingOperations.MaxOneHotValues + 3}",
            cancellationToken).ConfigureAwait(false);
        var values = rows.Rows.Select(r => r[0] as string).Where(v => !string.IsNullOrEmpty(v)).ToList();
        if (values.Count > EncodingOperations.MaxOneHotValues)
        {
            diagnostics.Add(new(RecipeDiagnosticCodes.TooManyCategories, index + 1, step.Action.Operation, parameter,
                $"'{name}' has more than {EncodingOperations.MaxOneHotValues} distinct values; one-hot encoding takes at most {EncodingOperations.MaxOneHotValues}. Map rare values first (CATEGORICAL_MAPPING with other)."));
            return null;
        }

        return values;
    }

    /// <summary>
    /// Rows after each step and values filled: from the counts already computed, the rows written (the rows after the
    /// last row-removing step), and one closing query for the rest; steps that cannot change the row count inherit it.
    /// </summary>
    private async Task<IReadOnlyList<RecipeStepResult>> MeasureAsync(
        IReadOnlyList<CompiledStep> plans,
        IReadOnlyList<(string Before, string After)?> filled,
        StageCounts counts,
        int inputColumns,
        long written,
        CancellationToken cancellationToken)
    {
        var last = plans.Count;
        while (last > 0 && !plans[last - 1].Plan.RemovesRows)
        {
            last--;
        }

        if (last > 0 && counts.IsPending(last, StageCounts.Rows))
        {
            counts.Record(last, StageCounts.Rows, written);
        }

        if (counts.ClosingQuery(View) is { } closing)
        {
            var (sql, wanted) = closing;
            var row = (await _session.QueryAsync(sql, cancellationToken).ConfigureAwait(false)).Rows[0];
            for (var i = 0; i < wanted.Count; i++)
            {
                counts.Record(wanted[i].Stage, wanted[i].Count, Convert.ToInt64(row[i], CultureInfo.InvariantCulture));
            }
        }

        var rows = counts[0, StageCounts.Rows];
        var results = new List<RecipeStepResult> { new(0, "INPUT", rows, inputColumns, 0) };
        for (var i = 0; i < plans.Count; i++)
        {
            rows = plans[i].Plan.RemovesRows ? counts[i + 1, StageCounts.Rows] : rows;
            var values = filled[i] is var (before, after) ? counts[i, before] - counts[i + 1, after] : 0;
            results.Add(new(i + 1, plans[i].Operation, rows, plans[i].Plan.Columns.Count, values));
        }

        return results;
    }
}
