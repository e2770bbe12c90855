using System.Globalization;

namespace DataPrepWorkflows.Activities.Clean.Operations.Expressions;

/// <summary>
/// Compiles the condition of a DataBrew <c>BOOLEAN_OPERATION</c> (<c>valueExpression</c>) to a DuckDB predicate.
/// Operands: columns <c>`name`</c>, aggregate results <c>`:name`</c> (declared in <c>withExpressions</c>), numbers,
/// quoted text, TRUE, FALSE, NULL. Comparisons <c>= == != &lt;&gt; &lt; &lt;= &gt; &gt;=</c>; logic AND/&amp;&amp;,
/// OR/||, NOT/!, parentheses. A comparison with a number compares numbers (a value that is not one does not match),
/// with text compares text, with TRUE/FALSE compares booleans; two columns compare as numbers when both values are
/// numbers, else as text. Comparing with NULL only tests missing values (<c>= NULL</c>, <c>!= NULL</c>).
/// </summary>
internal sealed class ValueExpressionCompiler
{
    private readonly IReadOnlyList<ExpressionToken> _tokens;
    private readonly string _parameter;
    private readonly Func<string, string?> _column;
    private readonly IReadOnlyDictionary<string, string> _aggregates;
    private int _next;

    private ValueExpressionCompiler(string text, string parameter, Func<string, string?> column, IReadOnlyDictionary<string, string> aggregates)
    {
        _tokens = ExpressionTokenizer.Tokenize(text, parameter);
        _parameter = parameter;
        _column = column;
        _aggregates = aggregates;
    }

    private enum Kind
    {
        Number,
        Text,
        Boolean,
        Null,
        Dynamic,
        Predicate,
    }

    /// <summary>The predicate <paramref name="text"/> stands for.</summary>
    /// <param name="text">The expression.</param>
    /// <param name="parameter">The parameter it came from (named in errors).</param>
    /// <param name="column">The quoted SQL column for a column name, or <see langword="null"/> when there is none.</param>
    /// <param name="aggregates">SQL for each aggregate result name.</param>
    /// <exception cref="RecipeExpressionException">The expression is malformed or names an unknown column or aggregate.</exception>
    public static string CompilePredicate(string text, string parameter, Func<string, string?> column, IReadOnlyDictionary<string, string> aggregates)
    {
        var compiler = new ValueExpressionCompiler(text, parameter, column, aggregates);
        if (compiler._tokens.Count == 0)
        {
            throw new RecipeExpressionException(parameter, "the expression is empty");
        }

        var condition = compiler.Or();
        if (compiler._next < compiler._tokens.Count)
        {
            var extra = compiler._tokens[compiler._next];
            throw new RecipeExpressionException(parameter, $"unexpected '{extra.Text}' at position {extra.Position + 1}");
        }

        return Predicate(condition);
    }

    /// <summary>
    /// The SQL value of a result expression (<c>trueValueExpression</c>, <c>falseValueExpression</c>): a lone reference
    /// <c>`column`</c> or <c>`:aggregate`</c> reads it; anything else is the constant text as written.
    /// </summary>
    public static (string Sql, bool IsConstant) CompileValue(string text, string parameter, Func<string, string?> column, IReadOnlyDictionary<string, string> aggregates)
    {
        var trimmed = text.Trim();
        if (trimmed.Length > 2 && trimmed[0] == '`' && trimmed[^1] == '`' && trimmed.IndexOf('`', 1) == trimmed.Length - 1)
        {
            var compiler = new ValueExpressionCompiler(trimmed, parameter, column, aggregates);
            return (compiler.Reference(compiler._tokens[0]).Sql, false);
        }

        return (Sql.Str(text), true);
    }

    private (string Sql, Kind Kind) Or()
    {
        var left = And();
        while (Accept("OR", "||"))
        {
            var right = And();
            left = ($"({Predicate(left)} OR {Predicate(right)})", Kind.Predicate);
        }

        return left;
    }

    private (string Sql, Kind Kind) And()
    {
        var left = Not();
        while (Accept("AND", "&&"))
        {
            var right = Not();
            left = ($"({Predicate(left)} AND {Predicate(right)})", Kind.Predicate);
        }

        return left;
    }

    private (string Sql, Kind Kind) Not() =>
        Accept("NOT", "!") ? ($"(NOT {Predicate(Not())})", Kind.Predicate) : Comparison();

    private (string Sql, Kind Kind) Comparison()
    {
        var left = Operand();
        if (_next < _tokens.Count && _tokens[_next] is { Kind: ExpressionTokenKind.Symbol, Text: "=" or "==" or "!=" or "<>" or "<" or "<=" or ">" or ">=" } op)
        {
            _next++;
            var right = Operand();
            return (Compare(left, op.Text is "==" ? "=" : op.Text is "<>" ? "!=" : op.Text, right), Kind.Predicate);
        }

        return left;
    }

    private (string Sql, Kind Kind) Operand()
    {
        if (_next >= _tokens.Count)
        {
            throw new RecipeExpressionException(_parameter, "the expression ends where a value was expected");
        }

        var token = _tokens[_next++];
        switch (token.Kind)
        {
            case ExpressionTokenKind.Reference:
                return Reference(token);
            case ExpressionTokenKind.Number:
                return (Sql.Num(double.Parse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture)), Kind.Number);
            case ExpressionTokenKind.Text:
                return (Sql.Str(token.Text), Kind.Text);
            case ExpressionTokenKind.Word when token.Text is "TRUE" or "FALSE":
                return (token.Text.ToLowerInvariant(), Kind.Boolean);
            case ExpressionTokenKind.Word when token.Text == "NULL":
                return ("NULL", Kind.Null);
            case ExpressionTokenKind.Symbol when token.Text == "(":
                var inner = Or();
                if (!Accept(")"))
                {
                    throw new RecipeExpressionException(_parameter, $"the parenthesis opened at position {token.Position + 1} is never closed");
                }

                return inner;
            default:
                throw new RecipeExpressionException(_parameter,
                    $"'{token.Text}' at position {token.Position + 1} is not a value (write columns as `name`, aggregate results as `:name`, text in quotes)");
        }
    }

    private (string Sql, Kind Kind) Reference(ExpressionToken token)
    {
        if (token.Text.StartsWith(':'))
        {
            return _aggregates.TryGetValue(token.Text[1..], out var aggregate)
                ? (aggregate, Kind.Dynamic)
                : throw new RecipeExpressionException(_parameter, $"`{token.Text}` is not declared in withExpressions");
        }

        return _column(token.Text) is { } column
            ? (column, Kind.Dynamic)
            : throw new RecipeExpressionException(_parameter, $"column '{token.Text}' does not exist at this step", unknownColumn: true);
    }

    private bool Accept(params string[] texts)
    {
        if (_next < _tokens.Count && _tokens[_next].Kind is ExpressionTokenKind.Word or ExpressionTokenKind.Symbol && texts.Contains(_tokens[_next].Text))
        {
            _next++;
            return true;
        }

        return false;
    }

    private static string Compare((string Sql, Kind Kind) left, string op, (string Sql, Kind Kind) right)
    {
        if (left.Kind == Kind.Null || right.Kind == Kind.Null)
        {
            var other = left.Kind == Kind.Null ? right.Sql : left.Sql;
            return op switch
            {
                "=" => $"({other} IS NULL)",
                "!=" => $"({other} IS NOT NULL)",
                _ => "false",
            };
        }

        if (left.Kind == Kind.Number || right.Kind == Kind.Number)
        {
            return $"({Sql.AsDouble(left.Sql)} {op} {Sql.AsDouble(right.Sql)})";
        }

        if (left.Kind is Kind.Boolean or Kind.Predicate || right.Kind is Kind.Boolean or Kind.Predicate)
        {
            return $"({Predicate(left)} {op} {Predicate(right)})";
        }

        if (left.Kind == Kind.Text || right.Kind == Kind.Text)
        {
            return $"({Sql.AsText(left.Sql)} {op} {Sql.AsText(right.Sql)})";
        }

        var (a, b) = (Sql.AsDouble(left.Sql), Sql.AsDouble(right.Sql));
        return $"(CASE WHEN {a} IS NOT NULL AND {b} IS NOT NULL THEN {a} {op} {b} ELSE {Sql.AsText(left.Sql)} {op} {Sql.AsText(right.Sql)} END)";
    }

    // A value used as a condition on its own must hold booleans (true/false text counts); anything else is not true.
    private static string Predicate((string Sql, Kind Kind) operand) =>
        operand.Kind is Kind.Predicate or Kind.Boolean ? operand.Sql : $"TRY_CAST({operand.Sql} AS BOOLEAN)";
}
