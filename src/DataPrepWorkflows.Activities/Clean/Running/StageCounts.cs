using System.Globalization;
using System.Text;

namespace DataPrepWorkflows.Activities.Clean.Running;

/// <summary>
/// The counts the journal needs about the recipe's stages (stage 0 is the input, stage n the data after step n):
/// rows after a row-removing step, missing values before and after a fill. Each count is computed once, preferably
/// inside a statistics pass that scans the same stage anyway; the rest in one closing query that scans each
/// remaining stage once, whatever the number of counts asked of it.
/// </summary>
internal sealed class StageCounts
{
    /// <summary>The rows of a stage.</summary>
    public const string Rows = "count(*)";

    private readonly Dictionary<(int Stage, string Count), long> _known = [];
    private readonly List<(int Stage, string Count)> _pending = [];

    /// <summary>The aggregate counting rows of a stage where <paramref name="predicate"/> holds.</summary>
    public static string Where(string predicate) => $"count(*) FILTER (WHERE {predicate})";

    /// <summary>Asks for <paramref name="count"/> (an aggregate) over <paramref name="stage"/>.</summary>
    public void Need(int stage, string count)
    {
        if (!_known.ContainsKey((stage, count)) && !_pending.Contains((stage, count)))
        {
            _pending.Add((stage, count));
        }
    }

    /// <summary>The counts still wanted of <paramref name="stage"/>, for a pass over it to compute alongside its own work.</summary>
    public IReadOnlyList<string> PendingAt(int stage) => _pending.Where(p => p.Stage == stage).Select(p => p.Count).ToList();

    /// <summary>Records a computed count.</summary>
    public void Record(int stage, string count, long value)
    {
        _known[(stage, count)] = value;
        _pending.Remove((stage, count));
    }

    /// <summary>A count already computed.</summary>
    public long this[int stage, string count] => _known[(stage, count)];

    /// <summary>Whether the count is still to be computed.</summary>
    public bool IsPending(int stage, string count) => _pending.Contains((stage, count));

    /// <summary>
    /// One query computing every pending count: a one-row aggregate per stage, cross-joined, so each stage is scanned
    /// once. <see langword="null"/> when nothing is pending.
    /// </summary>
    /// <param name="relation">The relation holding a stage.</param>
    /// <returns>The query and the counts in the order of its columns.</returns>
    public (string Sql, IReadOnlyList<(int Stage, string Count)> Columns)? ClosingQuery(Func<int, string> relation)
    {
        if (_pending.Count == 0)
        {
            return null;
        }

        var columns = new List<(int, string)>();
        var parts = new List<string>();
        foreach (var stage in _pending.GroupBy(p => p.Stage))
        {
            var list = new StringBuilder();
            foreach (var (_, count) in stage)
            {
                list.Append(list.Length == 0 ? "" : ", ").Append(count).Append(" AS c").Append(columns.Count.ToString(CultureInfo.InvariantCulture));
                columns.Add((stage.Key, count));
            }

            parts.Add(string.Create(CultureInfo.InvariantCulture, $"(SELECT {list} FROM {relation(stage.Key)}) AS counts_{stage.Key}"));
        }

        return ("SELECT * FROM " + string.Join(", ", parts), columns);
    }
}
