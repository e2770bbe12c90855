using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Activities.QualityGate;

/// <summary>
/// The metrics of earlier evaluations of one dataset, kept as JSON under the state folder
/// (<c>data-quality/&lt;dataset&gt;.history.json</c>) so dynamic rules (<c>RowCount &gt; avg(last(10))</c>) and
/// <c>DetectAnomalies</c> compare this run with the previous ones.
/// </summary>
internal sealed class MetricHistory
{
    private const int MaxRuns = 1000;
    private readonly string? _path;
    private readonly List<(DateTimeOffset At, Dictionary<string, double> Metrics)> _runs;

    private MetricHistory(string? path, List<(DateTimeOffset, Dictionary<string, double>)> runs)
    {
        _path = path;
        _runs = runs;
    }

    public static MetricHistory Empty { get; } = new(null, []);

    public static string FileFor(string folder, string datasetName)
    {
        var safe = string.Concat(datasetName.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        return Path.Combine(folder, "data-quality", safe + ".history.json");
    }

    public static async Task<MetricHistory> LoadAsync(string path, CancellationToken cancellationToken)
    {
        var runs = new List<(DateTimeOffset, Dictionary<string, double>)>();
        if (File.Exists(path))
        {
            var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            foreach (var run in JsonNode.Parse(text)?["runs"]?.AsArray() ?? [])
            {
                var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
                foreach (var (name, value) in run?["metrics"]?.AsObject() ?? [])
                {
                    if (value is not null)
                    {
                        metrics[name] = value.GetValue<double>();
                    }
                }

                runs.Add((run!["at"]!.GetValue<DateTimeOffset>(), metrics));
            }
        }

        return new MetricHistory(path, runs);
    }

    /// <summary>The metric's earlier values, oldest first.</summary>
    public IReadOnlyList<double> Values(string metric) =>
        [.. _runs.Where(r => r.Metrics.ContainsKey(metric)).Select(r => r.Metrics[metric])];

    /// <summary>Appends a run and writes the file (atomically: a temporary file renamed into place).</summary>
    public async Task AppendAsync(DateTimeOffset at, IReadOnlyDictionary<string, double> metrics, CancellationToken cancellationToken)
    {
        if (_path is null)
        {
            return;
        }

        _runs.Add((at, new Dictionary<string, double>(metrics, StringComparer.Ordinal)));
        if (_runs.Count > MaxRuns)
        {
            _runs.RemoveRange(0, _runs.Count - MaxRuns);
        }

        var runs = new JsonArray();
        foreach (var (runAt, runMetrics) in _runs)
        {
            var values = new JsonObject();
            foreach (var (name, value) in runMetrics.Where(m => double.IsFinite(m.Value)).OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                values[name] = value;
            }

            runs.Add(new JsonObject { ["at"] = runAt, ["metrics"] = values });
        }

        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var temporary = _path + ".tmp";
        await File.WriteAllTextAsync(temporary, new JsonObject { ["runs"] = runs }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), cancellationToken)
            .ConfigureAwait(false);
        File.Move(temporary, _path, overwrite: true);
    }
}
