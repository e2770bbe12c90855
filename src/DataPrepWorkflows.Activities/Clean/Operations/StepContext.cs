using System.Globalization;
using System.Text;
using System.Text.Json;
using DataPrepWorkflows.DataPlane.DuckDb;

namespace DataPrepWorkflows.Activities.Clean.Operations;

/// <summary>
/// What an operation's compiler sees: the step's validated parameters, the columns at this step, the previous
/// relation and the step's condition; and the ways to build its SELECT (replace a column, add columns, drop rows).
/// When running on data the runner also passes the previous relation's column types and the values of the step's
/// aggregates (<see cref="Stat"/>) computed over it, as SQL literals keyed by the aggregate's SQL; an aggregate
/// without a value stays a scalar subquery over the previous relation.
/// </summary>
internal sealed class StepContext(
    OperationDefinition operation,
    IReadOnlyDictionary<string, string> parameters,
    IReadOnlyList<string> columns,
    string source,
    string? condition,
    IReadOnlyList<string?>? distinctValues,
    IReadOnlyDictionary<string, string>? statistics = null,
    IReadOnlyDictionary<string, DuckDbType>? types = null)
{
    private readonly List<string> _aggregates = [];

    public OperationDefinition Operation { get; } = operation;

    public IReadOnlyList<string> Columns { get; } = columns;

    /// <summary>The previous step's relation (a view name).</summary>
    public string Source { get; } = source;

    /// <summary>The AND of the step's conditions as SQL, or <see langword="null"/> when it has none.</summary>
    public string? Condition { get; } = condition;

    /// <summary>Distinct values of <see cref="OperationDefinition.NeedsDistinctValuesOf"/>; <see langword="null"/> when validating without data.</summary>
    public IReadOnlyList<string?>? DistinctValues { get; } = distinctValues;

    public bool Has(string name) => parameters.ContainsKey(name);

    /// <summary>The parameter's value, else its catalog default.</summary>
    public string? Value(string name) =>
        parameters.TryGetValue(name, out var value) ? value : Operation.Find(name)?.Default;

    public string Text(string name) => Value(name) ?? "";

    public double Number(string name) => double.Parse(Text(name), NumberStyles.Float, CultureInfo.InvariantCulture);

    public int Integer(string name) => int.Parse(Text(name), NumberStyles.Integer, CultureInfo.InvariantCulture);

    public bool Bool(string name) => string.Equals(Value(name), "true", StringComparison.OrdinalIgnoreCase);

    public string Choice(string name) => Text(name).ToUpperInvariant();

    public IReadOnlyList<string> List(string name) =>
        Value(name) is { } json ? JsonSerializer.Deserialize<List<JsonElement>>(json)!.Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText()).ToList() : [];

    /// <summary>The column named by a parameter, with the spelling the data has.</summary>
    public string Column(string name) => Resolve(Text(name));

    public string Resolve(string column) => Find(column) ?? column;

    /// <summary>The step's column named <paramref name="column"/> (case-insensitively), or <see langword="null"/> when it has none.</summary>
    public string? Find(string column) => Columns.FirstOrDefault(c => string.Equals(c, column, StringComparison.OrdinalIgnoreCase));

    /// <summary>The quoted column named by a parameter.</summary>
    public string Col(string name) => Sql.Id(Column(name));

    /// <summary>Whether <paramref name="column"/> (a name at this step) is missing, tested as cheaply as its type allows.</summary>
    public string Missing(string column) =>
        MissingValueOperations.Missing(Sql.Id(column), types is not null && types.TryGetValue(column, out var type) ? type : null);

    /// <summary>The aggregates the step asked for through <see cref="Stat"/>, in order, each once.</summary>
    public IReadOnlyList<string> Aggregates => _aggregates;

    /// <summary>
    /// A scalar over the whole previous relation, e.g. <c>avg(x)</c>: its computed value when the runner supplied one,
    /// else a scalar subquery. Every aggregate of a step is recorded so the runner can compute them all in one pass.
    /// </summary>
    public string Stat(string aggregate)
    {
        if (!_aggregates.Contains(aggregate, StringComparer.Ordinal))
        {
            _aggregates.Add(aggregate);
        }

        return statistics is not null && statistics.TryGetValue(aggregate, out var value) ? value : $"(SELECT {aggregate} FROM {Source})";
    }

    /// <summary>The source operand of a function taking <c>sourceColumn</c> or <c>value</c>.</summary>
    public string SourceOrValue(string column = "sourceColumn", string value = "value") =>
        Has(column) ? Col(column) : Sql.Str(Text(value));

    /// <summary>Replaces a column's values by <paramref name="expression"/> where the condition holds.</summary>
    public StepPlan Replace(string column, string expression, bool fills = false)
    {
        var guarded = Condition is null ? expression : $"CASE WHEN {Condition} THEN {expression} ELSE {Sql.Id(column)} END";
        return Project(Columns.Select(c => (c, c == column ? guarded : Sql.Id(c)))) with { FillsColumn = fills ? column : null };
    }

    /// <summary>Adds columns right after <paramref name="after"/> (at the end when <see langword="null"/>); NULL where the condition fails.</summary>
    public StepPlan Add(string? after, params (string Name, string Expression)[] added)
    {
        var guarded = added.Select(a => (a.Name, Condition is null ? a.Expression : $"CASE WHEN {Condition} THEN {a.Expression} END")).ToList();
        var list = new List<(string, string)>();
        foreach (var c in Columns)
        {
            list.Add((c, Sql.Id(c)));
            if (c == after)
            {
                list.AddRange(guarded);
            }
        }

        if (after is null || !Columns.Contains(after))
        {
            list.AddRange(guarded);
        }

        return Project(list);
    }

    /// <summary>Adds one column after the source column (DataBrew places new columns beside their source).</summary>
    public StepPlan AddAfterSource(string expression, string target = "targetColumn", string source = "sourceColumn") =>
        Add(Has(source) ? Column(source) : null, (Text(target), expression));

    /// <summary>Deletes the rows where <paramref name="predicate"/> is true (and the condition holds).</summary>
    public StepPlan RemoveRows(string predicate)
    {
        var remove = Condition is null ? predicate : $"({predicate}) AND ({Condition})";
        return Project(Columns.Select(c => (c, Sql.Id(c))), $"WHERE NOT coalesce({remove}, false)") with { RemovesRows = true };
    }

    /// <summary>A SELECT of the given columns over the source, keeping the row position; <paramref name="tail"/> follows FROM.</summary>
    public StepPlan Project(IEnumerable<(string Name, string Expression)> columns, string tail = "")
    {
        var text = new StringBuilder("SELECT ");
        var names = new List<string>();
        foreach (var (name, expression) in columns)
        {
            text.Append(expression).Append(" AS ").Append(Sql.Id(name)).Append(", ");
            names.Add(name);
        }

        text.Append(Sql.Id(Sql.RowColumn)).Append(" FROM ").Append(Source);
        if (tail.Length > 0)
        {
            text.Append(' ').Append(tail);
        }

        return new StepPlan(text.ToString(), names);
    }
}
