using System.Text.Json.Nodes;
using DataPrepWorkflows.Activities.Backends;
using DataPrepWorkflows.Activities.Features;
using DataPrepWorkflows.Activities.Tests.Fixtures;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Engine.Expressions;

namespace DataPrepWorkflows.Activities.Tests.Features;

public sealed class PublishFeaturesActivityTests
{
    private static readonly ActivityRegistry Registry = ActivityRegistry.FromTypes([typeof(PublishFeaturesActivity)]);

    [Fact]
    public async Task PublishFeatures_ThroughTheEngine_ReportsCountsTableAndOnlineCount()
    {
        await using var fixture = await FeatureStoreFixture.CreateAsync();
        var definition = fixture.Write("customers-fg.json", FeatureStoreFixture.CustomersJson);
        var data = fixture.Write("records.csv", "customer_id,event_time,orders_30d,avg_spend\nC-001,2024-05-01T12:00:00Z,3,42.5\nC-001,2024-05-02T12:00:00Z,4,40\nC-002,not-a-time,1,1");

        var result = await RunAsync(fixture.Backends, fixture.Clock, new JsonObject { ["featureGroup"] = definition, ["data"] = data, ["account"] = "111122223333" });

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        var outputs = result.Outputs();
        Assert.Equal(2L, outputs["recordsIngested"]!.GetValue<long>());
        Assert.Equal(1L, outputs["recordsRejected"]!.GetValue<long>());
        Assert.Equal(1L, outputs["rejectionReasons"]!.AsObject().Single().Value!.GetValue<long>());
        Assert.Equal("sagemaker_featurestore.customers_fg_1768467600", outputs["offlineTable"]!.GetValue<string>());
        Assert.Equal(1L, outputs["onlineRecordCount"]!.GetValue<long>());
        Assert.EndsWith("/111122223333/sagemaker/us-east-1/offline-store/customers-fg-1768467600/data", outputs["offlineLocation"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishFeatures_InvalidDefinition_FaultsNamingTheField()
    {
        await using var fixture = await FeatureStoreFixture.CreateAsync();
        var definition = fixture.Write("bad.json", FeatureStoreFixture.CustomersJson.Replace("\"orders_30d\"", "\"write_time\"", StringComparison.Ordinal));

        var result = await RunAsync(fixture.Backends, fixture.Clock, new JsonObject { ["featureGroup"] = definition, ["data"] = fixture.Write("r.csv", "customer_id\nC-1") });

        Assert.Equal(WorkflowStatus.Faulted, result.Status);
        Assert.Equal(FeatureStoreErrors.InvalidDefinition, result.Error!.Error);
        Assert.Contains("FS005 FeatureDefinitions[2].FeatureName", result.Error.Cause, StringComparison.Ordinal);
    }

    private static Task<WorkflowRunResult> RunAsync(DataBackends backends, TimeProvider clock, JsonObject inputs)
    {
        var engine = new WorkflowEngine(Registry, new JintExpressionEngine(), new WorkflowEngineOptions { TimeProvider = clock, Services = backends });
        var definition = new WorkflowDefinition
        {
            Id = "features-test",
            Version = 1,
            Name = "features-test",
            Activities = [new ActivityNode { Id = "step", Type = "PublishFeatures", Inputs = GlueHarness.ToInputs(inputs) }],
        };
        return engine.StartAsync(definition, new WorkflowStartRequest { InstanceId = "i-1" });
    }
}
