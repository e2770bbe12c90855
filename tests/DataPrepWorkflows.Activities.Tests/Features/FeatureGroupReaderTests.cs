using System.Text.Json.Nodes;
using DataPrepWorkflows.Activities.Features;

namespace DataPrepWorkflows.Activities.Tests.Features;

public sealed class FeatureGroupReaderTests
{
    [Fact]
    public void Read_CreateFeatureGroupRequest_GivesEveryMember()
    {
        var group = FeatureStoreFixture.Definition();

        Assert.Equal("customers-fg", group.FeatureGroupName);
        Assert.Equal("customer_id", group.RecordIdentifier.FeatureName);
        Assert.Equal(FeatureType.String, group.EventTime.FeatureType);
        Assert.Equal([FeatureType.String, FeatureType.String, FeatureType.Integral, FeatureType.Fractional], group.FeatureDefinitions.Select(f => f.FeatureType));
        Assert.True(group.EnableOnlineStore);
        Assert.Equal("s3://fs-offline-bucket/prefix", group.OfflineStoreS3Uri);
        Assert.Equal("Customer purchase features", group.Description);
    }

    [Fact]
    public void Read_WrittenDefinition_RoundTrips()
    {
        var group = FeatureStoreFixture.Definition();

        var again = FeatureStoreFixture.Definition(FeatureGroupJson.Write(group));

        Assert.Equal(FeatureGroupJson.Write(group), FeatureGroupJson.Write(again));
        Assert.Equal(group.FeatureDefinitions, again.FeatureDefinitions);
    }

    [Theory]
    [InlineData("not json", FeatureGroupCodes.InvalidJson, "$")]
    [InlineData("$.FeatureGroupName=", FeatureGroupCodes.Required, "FeatureGroupName")]
    [InlineData("$.FeatureGroupName=-customers", FeatureGroupCodes.GroupName, "FeatureGroupName")]
    [InlineData("$.FeatureGroupName=customers-", FeatureGroupCodes.GroupName, "FeatureGroupName")]
    [InlineData("$.FeatureGroupName=customers fg", FeatureGroupCodes.GroupName, "FeatureGroupName")]
    [InlineData("$.FeatureGroupName=a123456789012345678901234567890123456789012345678901234567890123z", FeatureGroupCodes.GroupName, "FeatureGroupName")]
    [InlineData("$.FeatureDefinitions[2].FeatureName=orders.30d", FeatureGroupCodes.FeatureName, "FeatureDefinitions[2].FeatureName")]
    [InlineData("$.FeatureDefinitions[2].FeatureName=_orders", FeatureGroupCodes.FeatureName, "FeatureDefinitions[2].FeatureName")]
    [InlineData("$.FeatureDefinitions[2].FeatureName=is_deleted", FeatureGroupCodes.ReservedName, "FeatureDefinitions[2].FeatureName")]
    [InlineData("$.FeatureDefinitions[2].FeatureName=write_time", FeatureGroupCodes.ReservedName, "FeatureDefinitions[2].FeatureName")]
    [InlineData("$.FeatureDefinitions[2].FeatureName=API_INVOCATION_TIME", FeatureGroupCodes.ReservedName, "FeatureDefinitions[2].FeatureName")]
    [InlineData("$.FeatureDefinitions[3].FeatureName=Orders_30D", FeatureGroupCodes.DuplicateFeature, "FeatureDefinitions[3].FeatureName")]
    [InlineData("$.FeatureDefinitions[2].FeatureType=Integer", FeatureGroupCodes.FeatureType, "FeatureDefinitions[2].FeatureType")]
    [InlineData("$.FeatureDefinitions[2].FeatureType=string", FeatureGroupCodes.FeatureType, "FeatureDefinitions[2].FeatureType")]
    [InlineData("$.RecordIdentifierFeatureName=id", FeatureGroupCodes.RecordIdentifier, "RecordIdentifierFeatureName")]
    [InlineData("$.EventTimeFeatureName=ts", FeatureGroupCodes.EventTime, "EventTimeFeatureName")]
    [InlineData("$.EventTimeFeatureName=orders_30d", FeatureGroupCodes.EventTime, "EventTimeFeatureName")]
    [InlineData("$.Description=" + "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789", FeatureGroupCodes.Description, "Description")]
    [InlineData("$.OfflineStoreConfig.S3StorageConfig.S3Uri=https://bucket/prefix", FeatureGroupCodes.S3Uri, "OfflineStoreConfig.S3StorageConfig.S3Uri")]
    public void Read_BrokenRule_NamesCodeAndField(string change, string code, string field)
    {
        var result = FeatureGroupReader.Read(change.StartsWith('$') ? Change(change) : change);

        Assert.False(result.Success);
        Assert.Contains(result.Diagnostics, d => d.Code == code && d.Field == field);
    }

    [Fact]
    public void Read_NoFeatures_IsCountError()
    {
        var json = JsonNode.Parse(FeatureStoreFixture.CustomersJson)!.AsObject();
        json["FeatureDefinitions"] = new JsonArray();

        var result = FeatureGroupReader.Read(json.ToJsonString());

        Assert.Contains(result.Diagnostics, d => d.Code == FeatureGroupCodes.FeatureCount);
    }

    [Fact]
    public void Read_MoreThan2500Features_IsCountError()
    {
        var json = JsonNode.Parse(FeatureStoreFixture.CustomersJson)!.AsObject();
        var features = json["FeatureDefinitions"]!.AsArray();
        for (var i = 0; features.Count <= 2500; i++)
        {
            features.Add(new JsonObject { ["FeatureName"] = $"f{i}", ["FeatureType"] = "Fractional" });
        }

        var result = FeatureGroupReader.Read(json.ToJsonString());

        Assert.Equal(FeatureGroupCodes.FeatureCount, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Read_NoStore_IsError()
    {
        var json = JsonNode.Parse(FeatureStoreFixture.CustomersJson)!.AsObject();
        json.Remove("OfflineStoreConfig");
        json["OnlineStoreConfig"] = new JsonObject { ["EnableOnlineStore"] = false };

        var result = FeatureGroupReader.Read(json.ToJsonString());

        Assert.Equal(FeatureGroupCodes.NoStore, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Read_IcebergWithFractionalEventTime_IsError()
    {
        var json = JsonNode.Parse(FeatureStoreFixture.CustomersJson)!.AsObject();
        json["FeatureDefinitions"]![1]!["FeatureType"] = "Fractional";
        json["OfflineStoreConfig"]!["TableFormat"] = "Iceberg";

        var result = FeatureGroupReader.Read(json.ToJsonString());

        Assert.Equal(FeatureGroupCodes.TableFormat, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Read_WrongJsonType_IsFieldTypeError()
    {
        var json = JsonNode.Parse(FeatureStoreFixture.CustomersJson)!.AsObject();
        json["OnlineStoreConfig"]!["EnableOnlineStore"] = "yes";

        var result = FeatureGroupReader.Read(json.ToJsonString());

        Assert.Contains(result.Diagnostics, d => d.Code == FeatureGroupCodes.FieldType && d.Field == "OnlineStoreConfig.EnableOnlineStore");
    }

    [Fact]
    public void Read_FractionalEventTime_IsValid()
    {
        var json = JsonNode.Parse(FeatureStoreFixture.CustomersJson)!.AsObject();
        json["FeatureDefinitions"]![1]!["FeatureType"] = "Fractional";

        Assert.True(FeatureGroupReader.Read(json.ToJsonString()).Success);
    }

    /// <summary>Applies "$.path=value" to the customers definition (path segments separated by '.', list items as name[i]).</summary>
    private static string Change(string change)
    {
        var (path, value) = (change[2..change.IndexOf('=', StringComparison.Ordinal)], change[(change.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        var root = JsonNode.Parse(FeatureStoreFixture.CustomersJson)!;
        var segments = path.Split('.');
        JsonNode node = root;
        foreach (var segment in segments[..^1])
        {
            node = Step(node, segment);
        }

        node[segments[^1]] = value;
        return root.ToJsonString();
    }

    private static JsonNode Step(JsonNode node, string segment)
    {
        var bracket = segment.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0
            ? node[segment]!
            : node[segment[..bracket]]![int.Parse(segment[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]!;
    }
}
