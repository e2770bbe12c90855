using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Activities.Features;

/// <summary>The outcome of reading a feature group definition: the group when valid, and every problem found.</summary>
/// <param name="Group">The definition, or <see langword="null"/> when there are diagnostics.</param>
/// <param name="Diagnostics">The problems, each naming its field.</param>
public sealed record FeatureGroupReadResult(FeatureGroupDefinition? Group, IReadOnlyList<FeatureGroupDiagnostic> Diagnostics)
{
    /// <summary>Whether the definition is valid.</summary>
    public bool Success => Group is not null && Diagnostics.Count == 0;
}

/// <summary>
/// Reads a feature group definition in the shape of Feature Store's <c>CreateFeatureGroup</c> request (the JSON the
/// AWS CLI takes with <c>--cli-input-json</c>) and validates it with Feature Store's rules.
/// </summary>
public static class FeatureGroupReader
{
    /// <summary>Reads and validates a definition from JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The definition, or the diagnostics.</returns>
    public static FeatureGroupReadResult Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                ?? throw new JsonException("the definition must be a JSON object.");
        }
        catch (JsonException error)
        {
            return new(null, [new(FeatureGroupCodes.InvalidJson, "$", $"not a valid feature group definition: {error.Message}")]);
        }

        var diagnostics = new List<FeatureGroupDiagnostic>();
        var name = RequiredString(root, "FeatureGroupName", diagnostics);
        var recordId = RequiredString(root, "RecordIdentifierFeatureName", diagnostics);
        var eventTime = RequiredString(root, "EventTimeFeatureName", diagnostics);
        var features = ReadFeatures(root, diagnostics);
        var online = root["OnlineStoreConfig"] as JsonObject;
        var offline = root["OfflineStoreConfig"] as JsonObject;
        var s3 = offline?["S3StorageConfig"] as JsonObject;
        var catalog = offline?["DataCatalogConfig"] as JsonObject;
        if (offline is not null && s3 is null)
        {
            diagnostics.Add(new(FeatureGroupCodes.Required, "OfflineStoreConfig.S3StorageConfig", "an offline store needs S3StorageConfig with an S3Uri."));
        }

        var group = new FeatureGroupDefinition
        {
            FeatureGroupName = name ?? "",
            RecordIdentifierFeatureName = recordId ?? "",
            EventTimeFeatureName = eventTime ?? "",
            FeatureDefinitions = features,
            EnableOnlineStore = online is not null && OptionalBool(online, "EnableOnlineStore", "OnlineStoreConfig.EnableOnlineStore", diagnostics),
            OfflineStoreS3Uri = s3 is null ? null : RequiredString(s3, "S3Uri", diagnostics, "OfflineStoreConfig.S3StorageConfig.S3Uri"),
            DisableGlueTableCreation = offline is not null && OptionalBool(offline, "DisableGlueTableCreation", "OfflineStoreConfig.DisableGlueTableCreation", diagnostics),
            CatalogDatabase = catalog is null ? null : OptionalString(catalog, "Database", "OfflineStoreConfig.DataCatalogConfig.Database", diagnostics),
            CatalogTableName = catalog is null ? null : OptionalString(catalog, "TableName", "OfflineStoreConfig.DataCatalogConfig.TableName", diagnostics),
            Description = OptionalString(root, "Description", "Description", diagnostics),
        };

        if (name is not null && recordId is not null && eventTime is not null)
        {
            var tableFormat = offline is null ? null : OptionalString(offline, "TableFormat", "OfflineStoreConfig.TableFormat", diagnostics);
            diagnostics.AddRange(FeatureGroupRules.Check(group, tableFormat));
        }

        return diagnostics.Count == 0 ? new(group, []) : new(null, diagnostics);
    }

    /// <summary>Reads and validates a definition file.</summary>
    /// <param name="path">The JSON file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The definition, or the diagnostics; a missing file is a diagnostic.</returns>
    public static async Task<FeatureGroupReadResult> ReadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            return new(null, [new(FeatureGroupCodes.InvalidJson, "$", $"no feature group definition at '{path}'.")]);
        }

        return Read(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));
    }

    private static List<FeatureDefinition> ReadFeatures(JsonObject root, List<FeatureGroupDiagnostic> diagnostics)
    {
        var features = new List<FeatureDefinition>();
        if (root["FeatureDefinitions"] is not JsonArray items)
        {
            diagnostics.Add(root.ContainsKey("FeatureDefinitions")
                ? new(FeatureGroupCodes.FieldType, "FeatureDefinitions", "must be a list of {FeatureName, FeatureType} objects.")
                : new(FeatureGroupCodes.Required, "FeatureDefinitions", "is required: list every feature with its FeatureName and FeatureType."));
            return features;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var field = $"FeatureDefinitions[{i}]";
            if (items[i] is not JsonObject item)
            {
                diagnostics.Add(new(FeatureGroupCodes.FieldType, field, "must be an object {FeatureName, FeatureType}."));
                continue;
            }

            var featureName = RequiredString(item, "FeatureName", diagnostics, field + ".FeatureName");
            var typeText = RequiredString(item, "FeatureType", diagnostics, field + ".FeatureType");
            if (featureName is null || typeText is null)
            {
                continue;
            }

            if (!Enum.TryParse<FeatureType>(typeText, ignoreCase: false, out var type) || !Enum.IsDefined(type) || char.IsDigit(typeText[0]))
            {
                diagnostics.Add(new(FeatureGroupCodes.FeatureType, field + ".FeatureType", $"'{typeText}' is not a feature type; use Integral, Fractional or String."));
                continue;
            }

            features.Add(new FeatureDefinition(featureName, type));
        }

        return features;
    }

    private static string? RequiredString(JsonObject owner, string key, List<FeatureGroupDiagnostic> diagnostics, string? field = null)
    {
        var value = OptionalString(owner, key, field ?? key, diagnostics);
        if (string.IsNullOrEmpty(value) && !diagnostics.Any(d => d.Field == (field ?? key)))
        {
            diagnostics.Add(new(FeatureGroupCodes.Required, field ?? key, "is required."));
            return null;
        }

        return value;
    }

    private static string? OptionalString(JsonObject owner, string key, string field, List<FeatureGroupDiagnostic> diagnostics)
    {
        var node = owner[key];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return text;
        }

        diagnostics.Add(new(FeatureGroupCodes.FieldType, field, "must be a string."));
        return null;
    }

    private static bool OptionalBool(JsonObject owner, string key, string field, List<FeatureGroupDiagnostic> diagnostics)
    {
        var node = owner[key];
        if (node is null)
        {
            return false;
        }

        if (node is JsonValue value && value.TryGetValue<bool>(out var flag))
        {
            return flag;
        }

        diagnostics.Add(new(FeatureGroupCodes.FieldType, field, "must be true or false."));
        return false;
    }
}
