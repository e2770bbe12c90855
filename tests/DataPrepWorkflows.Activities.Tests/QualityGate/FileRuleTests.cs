using System.Security.Cryptography;
using System.Text;
using DataPrepWorkflows.Activities.QualityGate;

namespace DataPrepWorkflows.Activities.Tests.QualityGate;

/// <summary>The file rules over a folder of three files, two of them identical.</summary>
public sealed class FileRuleTests : IDisposable
{
    private readonly DqFixture _fixture = new();
    private readonly string _data;
    private readonly string _folder;

    public FileRuleTests()
    {
        _data = _fixture.Write("files/a.csv", "v\n1\n2");
        _fixture.Write("files/b.csv", "v\n1\n2");
        _fixture.Write("files/c.csv", "v\n3");
        _folder = Path.Combine(_fixture.Root, "files");
    }

    [Fact]
    public async Task FileRules_MeasureSizesChecksumsAndFreshness()
    {
        var md5 = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes("v\n1\n2\n")));
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("v\n1\n2\n")));
        File.SetLastWriteTimeUtc(Path.Combine(_folder, "c.csv"), _fixture.Clock.GetUtcNow().UtcDateTime.AddDays(-10));
        File.SetLastWriteTimeUtc(Path.Combine(_folder, "a.csv"), _fixture.Clock.GetUtcNow().UtcDateTime.AddHours(-1));
        File.SetLastWriteTimeUtc(Path.Combine(_folder, "b.csv"), _fixture.Clock.GetUtcNow().UtcDateTime.AddHours(-2));

        var report = await _fixture.EvaluateAsync(
            $$"""
            Rules = [
                FileSize "{{_folder}}" < 1 KB,
                FileSize "{{_folder}}" > 5 B,
                FileSize "{{_folder}}" > 5 B with threshold > 0.6,
                FileSize < 1 KB,
                FileFreshness "{{_folder}}" > (now() - 2 days),
                FileFreshness "{{_folder}}" > (now() - 2 days) with threshold > 0.6,
                FileMatch in ["{{md5}}"],
                FileMatch "{{_folder}}" in ["{{md5}}"],
                FileMatch "{{Path.Combine(_folder, "a.csv")}}" in ["{{sha}}"] with hashAlgorithm = "SHA-256",
                FileMatch "{{Path.Combine(_folder, "a.csv")}}" "{{Path.Combine(_folder, "b.csv")}}",
                FileMatch "{{Path.Combine(_folder, "a.csv")}}" "{{Path.Combine(_folder, "c.csv")}}",
                FileUniqueness "{{_folder}}" between 0.3 and 0.4
            ]
            """,
            _data);

        Assert.Equal(
            [true, false, true, true, false, true, true, false, true, true, false, true],
            report.Results.Select(r => r.Outcome == DataQualityOutcome.Passed));
        Assert.All(report.Results, r => Assert.NotEqual(DataQualityOutcome.Error, r.Outcome));
    }

    [Fact]
    public async Task MissingPath_IsAnError()
    {
        var result = await _fixture.RuleAsync($"FileSize \"{Path.Combine(_fixture.Root, "nothing")}\" > 1 B", _data);

        Assert.Equal(DataQualityOutcome.Error, result.Outcome);
        Assert.Contains("No file or folder", result.FailureReason, StringComparison.Ordinal);
    }

    public void Dispose() => _fixture.Dispose();
}
