using DataPrepWorkflows.Activities.BiasCheck;
using static DataPrepWorkflows.Activities.Tests.BiasCheck.BiasFixture;

namespace DataPrepWorkflows.Activities.Tests.BiasCheck;

/// <summary>
/// Each metric on small datasets whose expected values were worked out by hand from Clarify's formulas (counts in the
/// comments; the literals are the formulas evaluated in double precision).
/// </summary>
public sealed class PretrainingMetricTests : IDisposable
{
    private readonly BiasFixture _fixture = new();

    [Fact]
    public async Task CategoricalFacetAndLabel_AllMetricsMatchTheFormulas()
    {
        // d = sex F: 3 rows, 1 yes; a = M: 7 rows, 5 yes. Pa = (2/7, 5/7), Pd = (2/3, 1/3).
        var path = _fixture.WriteCsv("""
            sex,outcome
            F,yes
            F,no
            F,no
            M,yes
            M,yes
            M,no
            M,yes
            M,yes
            M,no
            M,yes
            """);
        var result = await AnalyseAsync(path, """{"label": "outcome", "label_values_or_threshold": ["yes"], "facet": [{"name_or_index": "sex", "value_or_threshold": ["F"]}]}""");

        var report = Assert.Single(result.Facets);
        Assert.Equal("F", report.ValueOrThreshold);
        Assert.Equal("yes", result.LabelValueOrThreshold);
        Assert.Equal((3L, 7L, 1L, 5L), (report.FacetRows, report.OtherRows, report.FacetPositive, report.OtherPositive));
        Assert.Equal(["CDDL", "CI", "DPL", "JS", "KL", "KS", "LP", "TVD"], report.Metrics.Select(m => m.Name));
        Close(0.4, Metric(report, "CI")); // (7 - 3) / 10
        Close(0.380952380952381, Metric(report, "DPL")); // 5/7 - 1/3 = 8/21
        Close(0.3023006484942968, Metric(report, "KL")); // 2/7 ln(3/7) + 5/7 ln(15/7)
        Close(0.07462108639183872, Metric(report, "JS")); // P = (10/21, 11/21)
        Close(0.538748023761179, Metric(report, "LP")); // sqrt(2) * 8/21
        Close(0.380952380952381, Metric(report, "TVD")); // ½ (8/21 + 8/21)
        Close(0.380952380952381, Metric(report, "KS")); // max(8/21, 8/21)
        Assert.Equal("Group variable is empty or not provided", Error(report, "CDDL"));
    }

    [Fact]
    public async Task LabelValueMissingInOneGroup_IsDroppedWithoutRenormalising()
    {
        // d = F: 2 rows, both yes → Pd = (0, 1); a = M: 2 of 4 yes → Pa = (½, ½); only "True" is kept: Pa = (½), Pd = (1).
        var path = _fixture.WriteCsv("sex,outcome\nF,yes\nF,yes\nM,yes\nM,no\nM,yes\nM,no\n");
        var report = Assert.Single((await AnalyseAsync(path, """{"label": "outcome", "label_values_or_threshold": ["yes"], "facet": [{"name_or_index": "sex", "value_or_threshold": ["F"]}]}""")).Facets);

        Close(-0.34657359027997264, Metric(report, "KL")); // ½ ln ½, negative because nothing is renormalised
        Close(0.04247475919884931, Metric(report, "JS")); // ½ (½ ln(½ / ¾) + 1 ln(1 / ¾))
        Close(0.5, Metric(report, "LP"));
        Close(0.25, Metric(report, "TVD"));
        Close(0.5, Metric(report, "KS"));
        Close(-0.5, Metric(report, "DPL"));
    }

    [Fact]
    public async Task MultipleFacetValuesAndGroupVariable_GiveCddl()
    {
        // d = region N or E (rows 1,3,4,6,7), a = S (rows 2,5,8).
        // g1 (rows 1,2,4,7): A = 2/2, D = 1/2 → DD = -½; g2 (rows 3,5,6,8): A = ½, D = ½ → DD = 0. CDDL = (4·-½ + 4·0)/8.
        var path = _fixture.WriteCsv("""
            region,outcome,grp
            N,yes,g1
            S,no,g1
            N,no,g2
            E,yes,g1
            S,yes,g2
            N,yes,g2
            E,no,g1
            S,no,g2
            """);
        var report = Assert.Single((await AnalyseAsync(path, """{"label": "outcome", "label_values_or_threshold": ["yes"], "facet": [{"name_or_index": "region", "value_or_threshold": ["N", "E"]}], "group_variable": "grp"}""")).Facets);

        Assert.Equal("N,E", report.ValueOrThreshold);
        Close(-0.25, Metric(report, "CDDL"));
        Close(-0.25, Metric(report, "CI")); // (3 - 5) / 8
        Close(1.0 / 3 - 3.0 / 5, Metric(report, "DPL"));
    }

    [Fact]
    public async Task FacetWithoutValues_ReportsOneVersusRestInOrderOfFirstAppearance()
    {
        var path = _fixture.WriteCsv("region,outcome,grp\nN,yes,g1\nS,no,g1\nN,no,g2\nE,yes,g1\nS,yes,g2\nN,yes,g2\nE,no,g1\nS,no,g2\n");
        var result = await AnalyseAsync(path, """{"label": "outcome", "label_values_or_threshold": ["yes"], "facet": [{"name_or_index": "region"}], "methods": {"pre_training_bias": {"methods": ["DPL", "CI"]}}}""");

        Assert.Equal(["N", "S", "E"], result.Facets.Select(f => f.ValueOrThreshold));
        var north = result.Facets[0];
        Assert.Equal(["CI", "DPL"], north.Metrics.Select(m => m.Name));
        Close(0.25, Metric(north, "CI")); // (5 - 3) / 8
        Close(2.0 / 5 - 2.0 / 3, Metric(north, "DPL")); // a: rows 2,4,5,7,8 → 2 yes; d: rows 1,3,6 → 2 yes
        var east = result.Facets[2];
        Close(0.5, Metric(east, "CI")); // (6 - 2) / 8
        Close(3.0 / 6 - 1.0 / 2, Metric(east, "DPL"));
    }

    [Fact]
    public async Task ContinuousFacetAndLabel_UseRightClosedIntervalsUpToTheMaximum()
    {
        // age has 6 distinct of 6 → continuous; d = age in (40, 65]. income > 250 is positive: interval (250, 500].
        // d rows (45,200),(55,400),(65,500) → 2 positive; a rows (25,100),(35,300),(30,150) → 1 positive.
        var path = _fixture.WriteCsv("age,income,score\n25,100,1.5\n35,300,2.5\n45,200,3.5\n55,400,4.5\n65,500,5.5\n30,150,6.25\n");
        var result = await AnalyseAsync(path, """{"label": "income", "label_values_or_threshold": [250], "facet": [{"name_or_index": "age", "value_or_threshold": [40]}, {"name_or_index": "score", "value_or_threshold": [3]}]}""");

        Assert.Equal("(250, 500]", result.LabelValueOrThreshold);
        var age = result.Facets[0];
        Assert.Equal("(40, 65]", age.ValueOrThreshold);
        Assert.Equal((3L, 2L, 3L, 1L), (age.FacetRows, age.FacetPositive, age.OtherRows, age.OtherPositive));
        Close(0, Metric(age, "CI"));
        Close(1.0 / 3 - 2.0 / 3, Metric(age, "DPL"));
        Close(0.23104906018664842, Metric(age, "KL")); // 2/3 ln 2 + 1/3 ln ½
        Close(0.056633012265132426, Metric(age, "JS"));
        Close(Math.Sqrt(2) / 3, Metric(age, "LP"));
        Close(1.0 / 3, Metric(age, "TVD"));
        Close(1.0 / 3, Metric(age, "KS"));
        Assert.Equal("(3.0, 6.25]", result.Facets[1].ValueOrThreshold); // a float column prints its breaks as floats
    }

    [Fact]
    public async Task IntegerLabelWithManyDistinctValues_IsContinuous_SoTheValueIsAThreshold()
    {
        // 2 distinct of 4 ≥ 5% → continuous: [0] means label > 0, i.e. label == 1 (Clarify's own unit-test case).
        var path = _fixture.WriteCsv("sex,label\nF,1\nF,0\nM,1\nM,1\n");
        var result = await AnalyseAsync(path, """{"label": "label", "label_values_or_threshold": [0], "facet": [{"name_or_index": "sex", "value_or_threshold": ["F"]}]}""");

        Assert.Equal("(0, 1]", result.LabelValueOrThreshold);
        Close(1.0 - 0.5, Metric(Assert.Single(result.Facets), "DPL"));
    }

    [Fact]
    public async Task SeveralLabelValues_AreCategorical_AndIndexesNameColumns()
    {
        // label values A or B are positive; facet by index 0 (colour), value 1 matched against text after conversion.
        var path = _fixture.WriteCsv("colour,grade\nred,A\nred,C\nblue,B\nblue,C\nblue,C\nred,B\n");
        var result = await AnalyseAsync(path, """{"label": 1, "label_values_or_threshold": ["A", "B"], "facet": [{"name_or_index": 0, "value_or_threshold": ["red"]}]}""");

        Assert.Equal("grade", result.Label);
        Assert.Equal("A,B", result.LabelValueOrThreshold);
        Close(2.0 / 3 - 1.0 / 3, -Metric(Assert.Single(result.Facets), "DPL")); // d = red: 2 of 3; a = blue: 1 of 3
    }

    [Fact]
    public async Task EmptyFacet_ReportsClarifysErrorsPerMetric()
    {
        var path = _fixture.WriteCsv("sex,outcome\nM,yes\nM,no\n");
        var report = Assert.Single((await AnalyseAsync(path, """{"label": "outcome", "label_values_or_threshold": ["yes"], "facet": [{"name_or_index": "sex", "value_or_threshold": ["F"]}]}""")).Facets);

        Assert.Equal("CI: facet set is empty. Check that x[facet] has non-zero length.", Error(report, "CI"));
        Assert.Equal("Facet set is empty.", Error(report, "DPL"));
        Assert.Equal("No instance of common facet found, dataset may be too small", Error(report, "KL"));
        Assert.Null(report.Metrics.Single(m => m.Name == "CI").Value);
    }

    [Fact]
    public async Task ContinuousFacetWithoutThreshold_IsAClearError()
    {
        var path = _fixture.WriteCsv("age,outcome\n1.5,yes\n2.5,no\n");
        var error = await Assert.ThrowsAsync<BiasCheckException>(() => AnalyseAsync(path, """{"label": "outcome", "label_values_or_threshold": ["yes"], "facet": [{"name_or_index": "age"}]}"""));

        Assert.Equal(BiasErrors.InvalidColumn, error.Code);
        Assert.Contains("Threshold values must be provided for continuous features", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingColumn_NamesTheField()
    {
        var path = _fixture.WriteCsv("sex,outcome\nM,yes\n");
        var error = await Assert.ThrowsAsync<BiasCheckException>(() => AnalyseAsync(path, """{"label": "outcome", "label_values_or_threshold": ["yes"], "facet": [{"name_or_index": "gender", "value_or_threshold": ["F"]}]}"""));

        Assert.Equal(BiasErrors.MissingColumn, error.Code);
        Assert.StartsWith("facet[0].name_or_index: column 'gender'", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _fixture.Dispose();
}
