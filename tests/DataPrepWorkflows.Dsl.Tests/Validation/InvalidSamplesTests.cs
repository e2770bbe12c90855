using System.Globalization;
using System.Text.RegularExpressions;
using DataPrepWorkflows.Dsl.Diagnostics;
using DataPrepWorkflows.Dsl.Tests.Support;
using DataPrepWorkflows.Dsl.Validation;

namespace DataPrepWorkflows.Dsl.Tests.Validation;

/// <summary>
/// Every file in Invalid/ is named <c>CODE-what-it-shows.L&lt;line&gt;C&lt;column&gt;.json</c> and must produce that
/// code at that position; any other error it produces must carry the same code.
/// </summary>
public sealed partial class InvalidSamplesTests
{
    public static IEnumerable<object[]> Files => Samples.Files("Invalid");

    [Theory]
    [MemberData(nameof(Files))]
    public void Invalid_sample_produces_its_code_at_its_position(string file)
    {
        var match = FileName().Match(file);
        Assert.True(match.Success, $"{file} must be named CODE-description.L<line>C<column>.json");
        var code = match.Groups["code"].Value;
        var line = int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture);
        var column = int.Parse(match.Groups["column"].Value, CultureInfo.InvariantCulture);

        var result = new WorkflowValidator(TestActivities.Registry).Validate(Samples.Read("Invalid", file));
        var all = string.Join("\n", result.Diagnostics.Select(d => d.ToString(file)));

        Assert.True(result.Diagnostics.Any(d => d.Code == code && d.Line == line && d.Column == column), $"expected {code} at ({line},{column}); got:\n{all}");
        Assert.All(result.Diagnostics.Where(d => d.IsError), d => Assert.True(d.Code == code || code == DiagnosticCodes.UnreachableActivity, $"unexpected {d.ToString(file)}"));
    }

    [Fact]
    public void Every_code_has_an_invalid_sample()
    {
        var codes = typeof(DiagnosticCodes).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        var covered = Files.Select(f => ((string)f[0])[..6]).ToHashSet();

        // The event-trigger codes need the trigger types registered; their positioned samples live with the trigger
        // types in Events.Tests (Triggers/TriggerValidationTests), which validate through this same validator.
        covered.UnionWith(TriggerCodes);

        Assert.Empty(codes.Except(covered).Order());
    }

    private static readonly string[] TriggerCodes =
    [
        DiagnosticCodes.InvalidTriggerPattern, DiagnosticCodes.InvalidTriggerBucket, DiagnosticCodes.ConflictingTriggerInputs,
        DiagnosticCodes.InvalidTriggerBatch, DiagnosticCodes.InvalidDedupeWindow,
    ];

    [GeneratedRegex(@"^(?<code>DPW\d{3})-[a-z0-9-]+\.L(?<line>\d+)C(?<column>\d+)\.json$")]
    private static partial Regex FileName();
}
