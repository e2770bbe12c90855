namespace DataPrepWorkflows.Activities.Features;

/// <summary>
/// A feature group as Feature Store's <c>CreateFeatureGroup</c> request defines it (the members the local store uses).
/// Read one from a JSON file with <see cref="FeatureGroupReader"/>, which validates it with Feature Store's rules.
/// </summary>
public sealed record FeatureGroupDefinition
{
    /// <summary>The group name: 1–64 letters, digits, <c>-</c> or <c>_</c>, starting and ending alphanumeric.</summary>
    public required string FeatureGroupName { get; init; }

    /// <summary>The feature whose value identifies a record; the online store keeps the latest record per value.</summary>
    public required string RecordIdentifierFeatureName { get; init; }

    /// <summary>The feature holding each record's event time (a <c>String</c> in ISO-8601 UTC or a <c>Fractional</c> epoch).</summary>
    public required string EventTimeFeatureName { get; init; }

    /// <summary>The features, in order.</summary>
    public required IReadOnlyList<FeatureDefinition> FeatureDefinitions { get; init; }

    /// <summary>Whether the online store is enabled (<c>OnlineStoreConfig.EnableOnlineStore</c>).</summary>
    public bool EnableOnlineStore { get; init; }

    /// <summary>The offline store's root (<c>OfflineStoreConfig.S3StorageConfig.S3Uri</c>), or <see langword="null"/> when no offline store.</summary>
    public string? OfflineStoreS3Uri { get; init; }

    /// <summary>Whether the Glue table is not created for the offline store (<c>OfflineStoreConfig.DisableGlueTableCreation</c>).</summary>
    public bool DisableGlueTableCreation { get; init; }

    /// <summary>The catalog database of the offline table (<c>DataCatalogConfig.Database</c>). <value>Defaults to <c>sagemaker_featurestore</c>.</value></summary>
    public string? CatalogDatabase { get; init; }

    /// <summary>The offline table name (<c>DataCatalogConfig.TableName</c>). <value>Defaults to <c>&lt;group&gt;_&lt;creation-epoch&gt;</c>.</value></summary>
    public string? CatalogTableName { get; init; }

    /// <summary>Free text, at most 128 characters.</summary>
    public string? Description { get; init; }

    /// <summary>The record identifier's definition.</summary>
    public FeatureDefinition RecordIdentifier => Find(RecordIdentifierFeatureName)!;

    /// <summary>The event time's definition.</summary>
    public FeatureDefinition EventTime => Find(EventTimeFeatureName)!;

    /// <summary>The feature called <paramref name="name"/>, or <see langword="null"/>.</summary>
    /// <param name="name">The feature name.</param>
    public FeatureDefinition? Find(string name) =>
        FeatureDefinitions.FirstOrDefault(f => string.Equals(f.FeatureName, name, StringComparison.Ordinal));

    /// <summary>The position of <paramref name="name"/> in <see cref="FeatureDefinitions"/>, or -1.</summary>
    /// <param name="name">The feature name.</param>
    public int IndexOf(string name)
    {
        for (var i = 0; i < FeatureDefinitions.Count; i++)
        {
            if (string.Equals(FeatureDefinitions[i].FeatureName, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
