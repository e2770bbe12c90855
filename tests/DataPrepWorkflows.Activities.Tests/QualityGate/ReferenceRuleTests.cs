using DataPrepWorkflows.Activities.QualityGate;

namespace DataPrepWorkflows.Activities.Tests.QualityGate;

/// <summary>Rules against additional data sources: orders (4 rows, one unknown customer) and customers (3 rows).</summary>
public sealed class ReferenceRuleTests : IDisposable
{
    private readonly DqFixture _fixture = new();
    private readonly string _orders;
    private readonly Dictionary<string, string> _references;

    public ReferenceRuleTests()
    {
        _orders = _fixture.Write("orders.csv", "order_id,customer_id,amount\n1,10,5\n2,11,7\n3,12,8\n4,99,10");
        _references = new Dictionary<string, string>
        {
            ["customers"] = _fixture.Write("customers.csv", "customer_id,name\n10,a\n11,b\n12,c"),
            ["copy"] = _fixture.Write("copy.csv", "order_id,customer_id,amount\n1,10,6\n2,11,7\n3,12,8\n4,99,10"),
        };
    }

    [Theory]
    [InlineData("ReferentialIntegrity \"customer_id\" \"customers.{customer_id}\" = 0.75", true)]
    [InlineData("ReferentialIntegrity \"customer_id\" \"customers.customer_id\" = 1.0", false)]
    [InlineData("RowCountMatch \"customers\" between 1.33 and 1.34", true)]
    [InlineData("RowCountMatch \"customers\" = 1.0", false)]
    [InlineData("SchemaMatch \"customers\" = 0.25", true)]
    [InlineData("SchemaMatch \"copy\" = 1.0", true)]
    [InlineData("AggregateMatch \"sum(amount)\" \"sum(customers.customer_id)\" between 0.9 and 0.91", true)]
    [InlineData("AggregateMatch \"sum(amount)\" \"sum(copy.amount)\" = 1.0", false)]
    [InlineData("AggregateMatch \"count(*)\" \"count(copy.order_id)\" = 1.0", true)]
    [InlineData("DatasetMatch \"copy\" \"order_id\" \"amount\" = 0.75", true)]
    [InlineData("DatasetMatch \"copy\" \"order_id->order_id\" = 0.75", true)]
    [InlineData("DatasetMatch \"copy\" \"order_id\" \"customer_id\" = 1.0", true)]
    public async Task ReferenceRule_HasHandComputedOutcome(string rule, bool passes)
    {
        var result = await _fixture.RuleAsync(rule, _orders, _references);

        Assert.True(result.Outcome != DataQualityOutcome.Error, result.FailureReason);
        Assert.Equal(passes ? DataQualityOutcome.Passed : DataQualityOutcome.Failed, result.Outcome);
    }

    [Fact]
    public async Task ReferenceRules_ReportGlueMetrics()
    {
        var report = await _fixture.EvaluateAsync(
            """
            Rules = [
                ReferentialIntegrity "customer_id" "customers.{customer_id}" > 0,
                RowCountMatch "customers" > 0,
                DatasetMatch "copy" "order_id" "amount" > 0,
                SchemaMatch "customers" > 0
            ]
            """,
            _orders,
            _references);

        Assert.Equal(0.75, report.Results[0].EvaluatedMetrics["Column.customers.ReferentialIntegrity"]);
        Assert.Equal(4.0 / 3.0, report.Results[1].EvaluatedMetrics["Dataset.customers.RowCountMatch"]);
        Assert.Equal(0.75, report.Results[2].EvaluatedMetrics["Dataset.copy.DatasetMatch"]);
        Assert.Equal(0.25, report.Results[3].EvaluatedMetrics["Dataset.customers.SchemaMatch"]);
    }

    [Fact]
    public async Task UnknownReferenceColumn_IsAnError()
    {
        var result = await _fixture.RuleAsync("ReferentialIntegrity \"customer_id\" \"customers.{id}\" = 1.0", _orders, _references);

        Assert.Equal(DataQualityOutcome.Error, result.Outcome);
        Assert.Contains("'id' does not exist in the reference dataset 'customers'", result.FailureReason, StringComparison.Ordinal);
    }

    public void Dispose() => _fixture.Dispose();
}
