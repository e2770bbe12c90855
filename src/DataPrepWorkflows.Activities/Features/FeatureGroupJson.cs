using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Activities.Features;

/// <summary>Writes a definition back in the <c>CreateFeatureGroup</c> request shape that <see cref="FeatureGroupReader"/> reads.</summary>
internal static class FeatureGroupJson
{
    public static string Write(FeatureGroupDefinition group)
    {
        var root = new JsonObject
        {
            ["FeatureGroupName"] = group.FeatureGroupName,
            ["RecordIdentifierFeatureName"] = group.RecordIdentifierFeatureName,
            ["EventTimeFeatureName"] = group.EventTimeFeatureName,
            ["FeatureDefinitions"] = new JsonArray(group.FeatureDefinitions
                .Select(f => (JsonNode)new JsonObject { ["FeatureName"] = f.FeatureName, ["FeatureType"] = f.FeatureType.ToString() })
                .ToArray()),
        };
        if (group.EnableOnlineStore)
        {
            root["OnlineStoreConfig"] = new JsonObject { ["EnableOnlineStore"] = true };
        }

        if (group.OfflineStoreS3Uri is { } uri)
        {
            var offline = new JsonObject { ["S3StorageConfig"] = new JsonObject { ["S3Uri"] = uri } };
            if (group.DisableGlueTableCreation)
            {
                offline["DisableGlueTableCreation"] = true;
            }

            if (group.CatalogDatabase is not null || group.CatalogTableName is not null)
            {
                offline["DataCatalogConfig"] = new JsonObject { ["Catalog"] = "AwsDataCatalog", ["Database"] = group.CatalogDatabase, ["TableName"] = group.CatalogTableName };
            }

            root["OfflineStoreConfig"] = offline;
        }

        if (group.Description is not null)
        {
            root["Description"] = group.Description;
        }

        return root.ToJsonString();
    }
}
