using System.Collections.Frozen;

namespace DataPrepWorkflows.Activities.Clean.Operations;

/// <summary>
/// Every recipe operation the Clean activity runs, with DataBrew's exact names and parameters. The validator, the
/// <c>dataprep describe</c>/<c>dataprep recipe</c> commands and the designer all read this catalog.
/// </summary>
public static class OperationCatalog
{
    private static readonly FrozenDictionary<string, OperationDefinition> ByName =
        MissingValueOperations.All()
            .Concat(DuplicateOperations.All())
            .Concat(InvalidValueOperations.All())
            .Concat(OutlierOperations.All())
            .Concat(ScalingOperations.All())
            .Concat(EncodingOperations.All())
            .Concat(TypeOperations.All())
            .Concat(ColumnOperations.All())
            .Concat(SplitMergeOperations.All())
            .Concat(TextOperations.All())
            .Concat(TextFunctionOperations.All())
            .Concat(DateOperations.All())
            .Concat(MathOperations.All())
            .Concat(ExpressionOperations.All())
            .ToFrozenDictionary(o => o.Name, StringComparer.Ordinal);

    /// <summary>All operations, by name.</summary>
    public static IReadOnlyList<OperationDefinition> Operations { get; } = [.. ByName.Values.OrderBy(o => o.Name, StringComparer.Ordinal)];

    /// <summary>The condition names a step's <c>ConditionExpressions</c> may use.</summary>
    public static IReadOnlyList<string> Conditions => ConditionCatalog.Names;

    /// <summary>The operation called <paramref name="name"/> (exact, as DataBrew names are), or <see langword="null"/>.</summary>
    /// <param name="name">The operation name.</param>
    /// <returns>The operation.</returns>
    public static OperationDefinition? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The closest known operation name to a misspelt one, or <see langword="null"/> when none is close.</summary>
    /// <param name="name">The unknown name.</param>
    /// <returns>A suggestion.</returns>
    public static string? Suggest(string name) => Closest.Find(name, ByName.Keys);
}

/// <summary>Nearest-name suggestions by edit distance, for "did you mean" messages.</summary>
internal static class Closest
{
    public static string? Find(string name, IEnumerable<string> candidates)
    {
        var upper = name.ToUpperInvariant();
        var best = candidates.Select(c => (Name: c, Distance: Distance(upper, c.ToUpperInvariant()))).OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault();
        return best.Name is not null && best.Distance <= Math.Max(2, upper.Length / 3) ? best.Name : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
