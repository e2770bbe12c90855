using System.Text.RegularExpressions;

namespace DataPrepWorkflows.Dqdl.Tests.Validation;

public sealed partial class InvalidRulesetTests
{
    public static TheoryData<string> Cases() =>
        [.. Directory.GetFiles(TestFiles.PathOf("invalid"), "*.dqdl").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Invalid_ruleset_is_rejected_with_its_code_and_position(string file)
    {
        var text = File.ReadAllText(TestFiles.PathOf("invalid", file));
        var expectation = Expectation().Match(text);
        Assert.True(expectation.Success, $"{file} must start with '# expect: <code> at <line>:<column>'.");

        var result = DqdlDocument.Parse(text);

        Assert.False(result.Success);
        Assert.Null(result.Document);
        var first = result.Diagnostics[0];
        Assert.Equal(
            $"{expectation.Groups["code"].Value} at {expectation.Groups["position"].Value}",
            $"{first.Code} at {first.Line}:{first.Column}");
        Assert.False(string.IsNullOrWhiteSpace(first.Message));
    }

    [Fact]
    public void Every_invalid_case_folder_entry_is_exercised()
    {
        Assert.True(Cases().Count >= 90);
    }

    [GeneratedRegex("^# expect: (?<code>DQDL[0-9]{3}) at (?<position>[0-9]+:[0-9]+)")]
    private static partial Regex Expectation();
}
