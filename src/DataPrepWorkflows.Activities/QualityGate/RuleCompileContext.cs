using DataPrepWorkflows.DataPlane.Datasets;
using DataPrepWorkflows.DataPlane.DuckDb;
using DataPrepWorkflows.Dqdl.Conditions;
using DataPrepWorkflows.Dqdl.Rules;

namespace DataPrepWorkflows.Activities.QualityGate;

/// <summary>What rule compilers see: the primary dataset's schema, the plan they add metrics to, the references.</summary>
internal sealed class RuleCompileContext(
    DatasetSchema schema,
    MetricPlan plan,
    IReadOnlyDictionary<string, DatasetSchema> references,
    JudgeContext judge,
    Func<string?, IReadOnlyList<string>> files)
{
    private int _windows;

    public DatasetSchema Schema { get; } = schema;

    public MetricPlan Plan { get; } = plan;

    /// <summary>The result column names of row-level CustomSql statements, read before compiling.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> StatementColumns { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    public JudgeContext Judge { get; } = judge;

    /// <summary>The local files behind a <c>DataPath</c> parameter (the primary data's files when null).</summary>
    public IReadOnlyList<string> Files(string? dataPath) => files(dataPath);

    /// <summary>The rows the rule looks at: <c>count(*)</c> restricted to its <c>where</c> clause.</summary>
    public MetricKey RowCount(string? where) => Plan.Aggregate(DqSql.CountRows(where));

    /// <summary>The column called <paramref name="name"/>, quoted; a missing column is an Error outcome for the rule.</summary>
    public DatasetColumn Column(string name) => Schema.Find(name)
        ?? throw new RuleEvaluationException(
            $"Column '{name}' does not exist in the dataset; its columns are {string.Join(", ", Schema.Columns.Select(c => c.Name))}.");

    public string ColumnSql(string name) => DqSql.Identifier(Column(name).Name);

    /// <summary>A numeric column as DOUBLE; a column of another type is an Error outcome.</summary>
    public string NumericColumnSql(string name, string ruleType)
    {
        var column = Column(name);
        return IsNumeric(column.DuckDbType.Id)
            ? $"CAST({DqSql.Identifier(column.Name)} AS DOUBLE)"
            : throw new RuleEvaluationException(
                $"{ruleType} needs a numeric column, and column '{column.Name}' is {column.DuckDbType.ToSql()}.");
    }

    /// <summary>
    /// A column's values as DOUBLE, as <c>TRY_CAST</c> gives them (NULL for text that is no number); a numeric column
    /// takes a plain cast, which cannot fail and costs less per row.
    /// </summary>
    public string DoubleValueSql(string name)
    {
        var column = Column(name);
        var sql = DqSql.Identifier(column.Name);
        return IsNumeric(column.DuckDbType.Id) ? $"CAST({sql} AS DOUBLE)" : $"TRY_CAST({sql} AS DOUBLE)";
    }

    /// <summary>
    /// A column of a signed or small unsigned integer type, as it is (every value converts to BIGINT exactly); null
    /// for any other type, which <see cref="DoubleValueSql"/> reads.
    /// </summary>
    public string? IntegerValueSql(string name)
    {
        var column = Column(name);
        return column.DuckDbType.Id is DuckDbType.TinyInt or DuckDbType.SmallInt or DuckDbType.Integer or DuckDbType.BigInt
            or DuckDbType.UTinyInt or DuckDbType.USmallInt or DuckDbType.UInteger
            ? DqSql.Identifier(column.Name)
            : null;
    }

    /// <summary>A column's values as text; a VARCHAR column is used as it is.</summary>
    public string TextValueSql(string name)
    {
        var column = Column(name);
        var sql = DqSql.Identifier(column.Name);
        return column.DuckDbType.Id == DuckDbType.Varchar ? sql : $"CAST({sql} AS VARCHAR)";
    }

    /// <summary>A column's values as TIMESTAMP, as <c>TRY_CAST</c> gives them; TIMESTAMP and DATE columns convert exactly.</summary>
    public string TimestampValueSql(string name)
    {
        var column = Column(name);
        var sql = DqSql.Identifier(column.Name);
        return column.DuckDbType.Id switch
        {
            DuckDbType.Timestamp => sql,
            DuckDbType.Date => $"CAST({sql} AS TIMESTAMP)",
            _ => $"TRY_CAST({sql} AS TIMESTAMP)",
        };
    }

    public DatasetSchema Reference(string alias) => references.TryGetValue(alias, out var schema)
        ? schema
        : throw new RuleEvaluationException(
            $"The reference dataset '{alias}' was not given; pass it as a reference named '{alias}' (e.g. --reference {alias}=path/to/data.csv).");

    public IEnumerable<string> ReferenceAliases => references.Keys;

    public string NextWindowAlias() => $"__dq_w{_windows++}";

    public Func<FunctionCallOperand, double?> Functions(string? metric) => Judge.Functions(metric);

    private static bool IsNumeric(DuckDbType type) => type is DuckDbType.TinyInt or DuckDbType.SmallInt or DuckDbType.Integer
        or DuckDbType.BigInt or DuckDbType.UTinyInt or DuckDbType.USmallInt or DuckDbType.UInteger or DuckDbType.UBigInt
        or DuckDbType.HugeInt or DuckDbType.UHugeInt or DuckDbType.Float or DuckDbType.Double or DuckDbType.Decimal
        or DuckDbType.Boolean;

    /// <summary>The column names a rule's var-arg <c>TargetColumn</c> names, checked to exist.</summary>
    public IReadOnlyList<string> Columns(DqRule rule) => [.. rule.ParameterValues("TargetColumn").Select(c => Column(c).Name)];
}
