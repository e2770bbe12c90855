using DataPrepWorkflows.Activities.QualityGate;
using DataPrepWorkflows.DataPlane.Sessions;
using DataPrepWorkflows.Dqdl;

namespace DataPrepWorkflows.Activities.Tests.QualityGate;

/// <summary>A temporary folder with small CSV files, a real DuckDB session and a clock that moves only when told.</summary>
public sealed class DqFixture : IDisposable
{
    /// <summary>
    /// Five people. Hand-computed facts used by the tests: age 34, NULL, 70, 15, 34 (completeness 0.8, mean 38.25,
    /// sum 153, 3 distinct, 2 seen once); country US, US, FR, US, DE; email lengths 9, 9, NULL, 9, 5; joined days
    /// before 2026-01-15 09:00: 5.4, 1.4, 45.4, 0.4, 14.4; score 10.5, 20, 30, 40, NULL.
    /// </summary>
    public const string People = """
        id,name,age,country,email,joined,score
        1,Ann,34,US,ann@x.com,2026-01-10,10.5
        2,Bob,,US,bob@x.com,2026-01-14,20
        3,Cid,70,FR,,2025-12-01,30
        4,Dee,15,US,dee@x.com,2026-01-15,40
        5,Eve,34,DE,eve@x,2026-01-01,
        """;

    public DqFixture()
    {
        Root = Directory.CreateTempSubdirectory("dq-tests-").FullName;
    }

    public string Root { get; }

    public ManualDqClock Clock { get; } = new();

    public string HistoryFolder => Path.Combine(Root, "state");

    public string Write(string name, string content)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.ReplaceLineEndings("\n") + "\n");
        return path;
    }

    public static DqdlDocument Parse(string rules)
    {
        var result = DqdlDocument.Parse(rules.Contains("Rules", StringComparison.Ordinal) || rules.Contains("Analyzers", StringComparison.Ordinal)
            ? rules
            : $"Rules = [ {rules} ]");
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Select(d => $"{d.Line}:{d.Column} {d.Code} {d.Message}")));
        return result.Document!;
    }

    /// <summary>Evaluates rules against a file in a fresh session (each evaluation registers its own views).</summary>
    public async Task<DataQualityReport> EvaluateAsync(
        string rules, string data, IReadOnlyDictionary<string, string>? references = null, DataQualityOptions? options = null, string? datasetName = null)
    {
        using var session = DuckDbSession.Open();
        return await DataQualityEvaluator.EvaluateAsync(
            session,
            Parse(rules),
            data,
            references,
            (options ?? new DataQualityOptions()) with { Clock = Clock, DatasetName = datasetName ?? options?.DatasetName },
            HistoryFolder);
    }

    /// <summary>The single rule's result.</summary>
    public async Task<DataQualityRuleResult> RuleAsync(string rule, string? data = null, IReadOnlyDictionary<string, string>? references = null)
    {
        var report = await EvaluateAsync(rule, data ?? Write("people.csv", People), references);
        return Assert.Single(report.Results);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans temporary folders; a file still open elsewhere must not fail the test.
        }
    }
}

/// <summary>A clock that moves only when told.</summary>
public sealed class ManualDqClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
