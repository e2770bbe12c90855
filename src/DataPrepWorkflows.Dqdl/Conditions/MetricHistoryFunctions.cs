namespace DataPrepWorkflows.Dqdl.Conditions;

/// <summary>
/// Evaluates the functions of dynamic rules (<c>RowCount &gt; avg(last(10))</c>) over a metric's history, for
/// <see cref="NumberCondition.Matches(double?, Func{FunctionCallOperand, double?})"/>. <c>last(k)</c> gives the
/// k most recent values, most recent first (fewer when the history is shorter); <c>avg</c>/<c>average</c>/
/// <c>mean</c>, <c>min</c>, <c>max</c>, <c>sum</c> and <c>std</c>/<c>stdev</c>/<c>stddev</c> (population standard
/// deviation) reduce lists; <c>index(list, i)</c> picks the i-th value, 0 being the most recent. A function over
/// no values gives <see langword="null"/>, which no comparison meets.
/// </summary>
public sealed class MetricHistoryFunctions
{
    private readonly IReadOnlyList<double> _history;

    /// <summary>Creates the functions over <paramref name="history"/>, the metric's earlier values, oldest first.</summary>
    public MetricHistoryFunctions(IReadOnlyList<double> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        _history = history;
    }

    /// <summary>The value of a function call, e.g. <c>avg(last(10))</c>.</summary>
    /// <exception cref="InvalidOperationException">The call uses an unknown function or wrong arguments.</exception>
    public double? Evaluate(FunctionCallOperand call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var values = Apply(call);
        return values.Length switch
        {
            0 => null,
            1 => values[0],
            _ => throw new InvalidOperationException(
                $"{call} gives {values.Length} values; reduce them to one with avg, min, max, sum, std or index."),
        };
    }

    private double[] Values(NumericOperand operand) => operand switch
    {
        FunctionCallOperand call => Apply(call),
        _ => operand.Evaluate(Evaluate) is { } value ? [value] : [],
    };

    private double[] Apply(FunctionCallOperand call)
    {
        var name = call.Name.ToLowerInvariant();
        return name switch
        {
            "last" => Last(call),
            "index" => Index(call),
            _ => Reduce(call, name, [.. call.Arguments.SelectMany(Values)]),
        };
    }

    private double[] Last(FunctionCallOperand call)
    {
        var count = WholeNumber(call, 0);
        return [.. _history.Reverse().Take(count)];
    }

    private double[] Index(FunctionCallOperand call)
    {
        if (call.Arguments.Count != 2)
        {
            throw new InvalidOperationException($"{call}: index takes a list and a position, e.g. index(last(5), 0).");
        }

        var list = Values(call.Arguments[0]);
        var position = WholeNumber(call, 1);
        return position < list.Length ? [list[position]] : [];
    }

    private static double[] Reduce(FunctionCallOperand call, string name, double[] values)
    {
        if (values.Length == 0)
        {
            return [];
        }

        var mean = values.Average();
        return name switch
        {
            "avg" or "average" or "mean" => [mean],
            "min" => [values.Min()],
            "max" => [values.Max()],
            "sum" => [values.Sum()],
            "std" or "stdev" or "stddev" => [Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length)],
            _ => throw new InvalidOperationException(
                $"{call}: unknown function '{call.Name}'; dynamic rules use last, index, avg, min, max, sum and std."),
        };
    }

    private int WholeNumber(FunctionCallOperand call, int argument)
    {
        if (call.Arguments.Count <= argument
            || call.Arguments[argument].Evaluate(Evaluate) is not { } value
            || value < 0 || value != Math.Floor(value) || value > int.MaxValue)
        {
            throw new InvalidOperationException($"{call}: argument {argument + 1} must be a whole number, e.g. last(10).");
        }

        return (int)value;
    }
}
