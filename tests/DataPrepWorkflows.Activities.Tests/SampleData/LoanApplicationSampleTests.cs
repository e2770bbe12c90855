using System.Globalization;
using DataPrepWorkflows.Activities.SampleData;

namespace DataPrepWorkflows.Activities.Tests.SampleData;

public sealed class LoanApplicationSampleTests
{
    private static (string Text, LoanSampleReport Report) Generate(int rows, ulong seed = 42)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var report = LoanApplicationSample.Write(writer, new LoanSampleOptions { Rows = rows, Seed = seed });
        return (writer.ToString(), report);
    }

    [Fact]
    public void Same_seed_gives_identical_bytes_and_another_seed_differs()
    {
        var a = Generate(2000).Text;
        var b = Generate(2000).Text;
        var c = Generate(2000, seed: 7).Text;

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Writes_header_and_exactly_the_requested_rows()
    {
        var (text, report) = Generate(1234);
        var lines = text.TrimEnd('\n').Split('\n');

        Assert.Equal(string.Join(',', LoanApplicationSample.Columns), lines[0]);
        Assert.Equal(1235, lines.Length);
        Assert.Equal(1234, report.Rows);
        Assert.All(lines, l => Assert.Equal(LoanApplicationSample.Columns.Count, l.Split(',').Length));
    }

    [Fact]
    public void Planted_defects_are_present_at_their_documented_rates()
    {
        var (text, report) = Generate(50_000);
        var rows = text.TrimEnd('\n').Split('\n').Skip(1).Select(l => l.Split(',')).ToList();

        Assert.InRange(report.MissingAge, 300, 700);
        Assert.InRange(report.MissingIncome, 1100, 1900);
        Assert.InRange(report.MissingEmployment, 700, 1300);
        Assert.InRange(report.ExactDuplicates, 350, 650);
        Assert.InRange(report.NearDuplicates, 150, 350);
        Assert.InRange(report.IncomeOutliers, 80, 250);
        Assert.InRange(report.MessyText, 1500, 2600);

        // The counts describe the file itself, not an intention.
        Assert.Equal(report.MissingAge, rows.Count(r => r[2].Length == 0));
        Assert.Equal(report.MissingIncome, rows.Count(r => r[9].Length == 0));
        Assert.True(rows.Count(r => r[14] != r[14].Trim() || r[14] == r[14].ToUpperInvariant()) > 0);
        Assert.Equal(report.ExactDuplicates + report.NearDuplicates, rows.Count - rows.Select(r => r[0]).Distinct().Count());
    }

    [Fact]
    public void Approval_rate_gap_against_women_is_built_in()
    {
        var report = Generate(50_000).Report;

        Assert.InRange(report.ApprovalRateMale - report.ApprovalRateFemale, 0.08, 0.25);
    }
}
