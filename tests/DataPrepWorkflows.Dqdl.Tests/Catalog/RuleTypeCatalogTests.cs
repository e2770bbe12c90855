using DataPrepWorkflows.Dqdl.Catalog;

namespace DataPrepWorkflows.Dqdl.Tests.Catalog;

public sealed class RuleTypeCatalogTests
{
    // Every rule type of the AWS Glue Data Quality rule catalog (rules-config.json): 33 names, 39 overloads.
    private static readonly string[] GlueRuleTypes =
    [
        "AggregateMatch", "AllStatistics", "ColumnCorrelation", "ColumnCount", "ColumnDataType", "ColumnExists",
        "ColumnLength", "ColumnNamesMatchPattern", "ColumnValues", "Completeness", "CustomSql", "DataFreshness",
        "DatasetMatch", "DetectAnomalies", "DistinctValuesCount", "Entropy", "FileFreshness", "FileMatch",
        "FileSize", "FileUniqueness", "IsComplete", "IsPrimaryKey", "IsUnique", "Mean", "ReferentialIntegrity",
        "RowCount", "RowCountMatch", "SchemaMatch", "StandardDeviation", "Sum", "UniqueValueRatio", "Uniqueness",
        "Variance",
    ];

    [Fact]
    public void Catalog_holds_every_glue_rule_type()
    {
        Assert.Equal(GlueRuleTypes, RuleTypeCatalog.Default.Names);
        Assert.Equal(39, RuleTypeCatalog.Default.RuleTypes.Count);
    }

    [Fact]
    public void Every_rule_type_is_described_with_its_parameters()
    {
        foreach (var ruleType in RuleTypeCatalog.Default.RuleTypes)
        {
            Assert.False(string.IsNullOrWhiteSpace(ruleType.Description), ruleType.Name);
            Assert.NotEmpty(ruleType.ReturnTypes);
            Assert.All(ruleType.Parameters, p => Assert.False(string.IsNullOrWhiteSpace(p.Description)));
            Assert.All(ruleType.Parameters.SkipLast(1), p => Assert.False(p.IsVarArg));
        }
    }

    [Theory]
    [InlineData("RowCount", 0, "", "Number", true, false)]
    [InlineData("Completeness", 1, "TargetColumn", "Number", true, false)]
    [InlineData("ColumnValues", 1, "TargetColumn", "StringArray,NumberArray,DateArray", true, true)]
    [InlineData("ColumnDataType", 1, "TargetColumn", "String", true, true)]
    [InlineData("CustomSql", 1, "CustomSqlStatement", "Number,Boolean", false, true)]
    [InlineData("ColumnCorrelation", 2, "TargetColumn1,TargetColumn2", "Number", true, false)]
    [InlineData("DatasetMatch", 3, "ReferenceDatasetAlias,KeyColumnMappings,MatchColumnMappings", "Number", false, false)]
    [InlineData("ReferentialIntegrity", 2, "PrimaryDatasetColumns,ReferenceDatasetColumns", "Number", false, false)]
    [InlineData("DataFreshness", 1, "TargetColumn", "DurationArray", true, false)]
    [InlineData("FileMatch", 2, "DataPath,CompareDataPath", "Boolean", false, false)]
    [InlineData("FileMatch", 0, "", "String", false, false)]
    [InlineData("FileSize", 1, "DataPath", "Size", false, true)]
    [InlineData("IsPrimaryKey", 4, "TargetColumn", "Boolean", true, false)]
    [InlineData("DetectAnomalies", 3, "MetricParameter", "Boolean", false, false)]
    public void Resolve_picks_the_overload_for_the_parameter_count(
        string name, int count, string parameters, string returns, bool where, bool threshold)
    {
        var descriptor = RuleTypeCatalog.Default.Resolve(name, count);

        Assert.NotNull(descriptor);
        Assert.Equal(parameters, string.Join(',', descriptor.Parameters.Select(p => p.Name)));
        Assert.Equal(returns, string.Join(',', descriptor.ReturnTypes));
        Assert.Equal(where, descriptor.SupportsWhere);
        Assert.Equal(threshold, descriptor.SupportsThreshold);
    }

    [Theory]
    [InlineData("RowCount", 1)]
    [InlineData("DatasetMatch", 1)]
    [InlineData("DetectAnomalies", 0)]
    [InlineData("FileMatch", 3)]
    [InlineData("NoSuchRule", 0)]
    public void Resolve_returns_null_when_no_overload_fits(string name, int count)
    {
        Assert.Null(RuleTypeCatalog.Default.Resolve(name, count));
    }

    [Fact]
    public void Flags_match_the_glue_catalog()
    {
        var catalog = RuleTypeCatalog.Default;

        Assert.True(catalog.Resolve("AllStatistics", 1)!.IsAnalyzerOnly);
        Assert.All(catalog.Overloads("FileSize"), d => Assert.True(d.IsExperimental));
        Assert.Equal(
            ["Completeness", "DatasetMatch", "ReferentialIntegrity", "Uniqueness"],
            catalog.RuleTypes.Where(d => d.IsExcludedAtRowLevelInCompositeRules).Select(d => d.Name).Distinct().Order());
    }

    [Fact]
    public void A_catalog_read_from_json_drives_validation()
    {
        const string json = """
            { "ruleTypes": [ { "name": "RowsAtLeast", "description": "d", "parameters": [], "returnTypes": ["NUMBER"],
              "whereSupported": false, "thresholdSupported": false, "scope": "table", "experimental": false,
              "analyzerOnly": false, "excludedAtRowLevelInCompositeRules": false } ] }
            """;
        var catalog = RuleTypeCatalog.FromJson(json);

        Assert.True(DqdlDocument.Parse("Rules = [ RowsAtLeast > 1 ]", catalog).Success);
        Assert.Equal(DqdlDiagnosticCodes.UnknownRuleType, DqdlDocument.Parse("Rules = [ RowCount > 1 ]", catalog).Diagnostics[0].Code);
    }
}
