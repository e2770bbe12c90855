using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DataPrepWorkflows.Activities.BiasCheck;

/// <summary>
/// A limit on one metric: <c>"|DPL| &lt;= 0.1"</c>, <c>"CI &gt;= -0.5"</c>, or an object
/// <c>{"max": 0.1, "min": -0.1, "abs": true}</c>. A metric that could not be computed fails its threshold.
/// </summary>
/// <param name="Metric">The metric name.</param>
/// <param name="Min">The lowest allowed value, or <see langword="null"/>.</param>
/// <param name="Max">The highest allowed value, or <see langword="null"/>.</param>
/// <param name="MinInclusive">Whether <see cref="Min"/> itself is allowed.</param>
/// <param name="MaxInclusive">Whether <see cref="Max"/> itself is allowed.</param>
/// <param name="Absolute">Whether the limits apply to the absolute value.</param>
/// <param name="Text">The condition as written, for messages.</param>
internal sealed partial record BiasThreshold(string Metric, double? Min, double? Max, bool MinInclusive, bool MaxInclusive, bool Absolute, string Text)
{
    /// <summary>Whether a value meets the condition.</summary>
    public bool Allows(double? value)
    {
        if (value is not { } v || double.IsNaN(v))
        {
            return false;
        }

        v = Absolute ? Math.Abs(v) : v;
        var aboveMin = Min is not { } min || (MinInclusive ? v >= min : v > min);
        var belowMax = Max is not { } max || (MaxInclusive ? v <= max : v < max);
        return aboveMin && belowMax;
    }

    /// <summary>Reads the <c>thresholds</c> input: an object from metric name to condition.</summary>
    public static IReadOnlyList<BiasThreshold> ParseAll(JsonObject? thresholds)
    {
        var list = new List<BiasThreshold>();
        foreach (var (metric, condition) in thresholds ?? [])
        {
            if (!BiasConfig.AllMethods.Contains(metric, StringComparer.Ordinal))
            {
                throw Invalid(metric, $"'{metric}' is not a pre-training metric; use {string.Join(", ", BiasConfig.AllMethods)}");
            }

            list.Add(condition switch
            {
                JsonValue v when v.TryGetValue<string>(out var text) => ParseText(metric, text),
                JsonObject o => ParseObject(metric, o),
                _ => throw Invalid(metric, "give a condition such as \"|DPL| <= 0.1\" or an object {\"max\": 0.1, \"abs\": true}"),
            });
        }

        return list;
    }

    private static BiasThreshold ParseText(string metric, string text)
    {
        var match = ConditionPattern().Match(text);
        if (!match.Success)
        {
            throw Invalid(metric, $"'{text}' does not parse; write METRIC OP NUMBER, for example \"|{metric}| <= 0.1\" or \"{metric} >= -0.2\"");
        }

        var absolute = match.Groups["bar"].Success;
        var name = match.Groups["name"].Value;
        if (name != metric)
        {
            throw Invalid(metric, $"'{text}' names {name}; the condition under \"{metric}\" must be about {metric}");
        }

        var number = double.Parse(match.Groups["number"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        return match.Groups["op"].Value switch
        {
            "<=" => new BiasThreshold(metric, null, number, true, true, absolute, text),
            "<" => new BiasThreshold(metric, null, number, true, false, absolute, text),
            ">=" => new BiasThreshold(metric, number, null, true, true, absolute, text),
            _ => new BiasThreshold(metric, number, null, false, true, absolute, text),
        };
    }

    private static BiasThreshold ParseObject(string metric, JsonObject condition)
    {
        double? Read(string key) => condition[key] switch
        {
            null => null,
            JsonValue v when v.TryGetValue<double>(out var d) => d,
            _ => throw Invalid(metric, $"{key} must be a number"),
        };

        foreach (var key in condition.Select(p => p.Key))
        {
            if (key is not ("min" or "max" or "abs"))
            {
                throw Invalid(metric, $"unknown key '{key}'; use min, max and abs");
            }
        }

        var absolute = condition["abs"] is JsonValue a && a.TryGetValue<bool>(out var flag) ? flag
            : condition["abs"] is null ? false
            : throw Invalid(metric, "abs must be true or false");
        var min = Read("min");
        var max = Read("max");
        if (min is null && max is null)
        {
            throw Invalid(metric, "give min, max or both");
        }

        var text = string.Join(" and ", new[] { min is null ? null : $">= {min.Value.ToString(CultureInfo.InvariantCulture)}", max is null ? null : $"<= {max.Value.ToString(CultureInfo.InvariantCulture)}" }.OfType<string>());
        return new BiasThreshold(metric, min, max, true, true, absolute, (absolute ? $"|{metric}| " : metric + " ") + text);
    }

    private static BiasCheckException Invalid(string metric, string problem) => new(BiasErrors.InvalidThreshold, $"thresholds.{metric}: {problem}.");

    [GeneratedRegex(@"^\s*(?:(?<bar>\|)\s*(?<name>[A-Z]+)\s*\||(?<name>[A-Z]+))\s*(?<op><=|>=|<|>)\s*(?<number>[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*$")]
    private static partial Regex ConditionPattern();
}
