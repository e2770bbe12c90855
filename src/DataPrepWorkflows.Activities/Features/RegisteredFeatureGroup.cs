namespace DataPrepWorkflows.Activities.Features;

/// <summary>A feature group as the local store holds it, with what <c>DescribeFeatureGroup</c> adds to the definition.</summary>
/// <param name="Definition">The definition.</param>
/// <param name="CreationTime">When the group was created; its epoch seconds name the offline-store folder.</param>
/// <param name="ResolvedOutputS3Uri">
/// The offline store's data folder, <c>&lt;S3Uri&gt;/&lt;account&gt;/sagemaker/&lt;region&gt;/offline-store/&lt;group&gt;-&lt;epoch&gt;/data</c>,
/// or <see langword="null"/> without an offline store.
/// </param>
/// <param name="CatalogDatabase">The offline table's catalog database.</param>
/// <param name="CatalogTable">The offline table's name.</param>
public sealed record RegisteredFeatureGroup(
    FeatureGroupDefinition Definition,
    DateTimeOffset CreationTime,
    string? ResolvedOutputS3Uri,
    string CatalogDatabase,
    string CatalogTable)
{
    /// <summary>The database Feature Store's Glue integration puts offline tables in.</summary>
    public const string DefaultCatalogDatabase = "sagemaker_featurestore";

    /// <summary>The group name.</summary>
    public string Name => Definition.FeatureGroupName;

    /// <summary>The offline table as <c>database.table</c>.</summary>
    public string OfflineTable => $"{CatalogDatabase}.{CatalogTable}";

    internal static RegisteredFeatureGroup Create(FeatureGroupDefinition definition, DateTimeOffset creationTime, FeatureStoreOptions options)
    {
        var epoch = creationTime.ToUnixTimeSeconds();
        var resolved = definition.OfflineStoreS3Uri is { } uri
            ? $"{uri.TrimEnd('/')}/{options.Account}/sagemaker/{options.Region}/offline-store/{definition.FeatureGroupName}-{epoch}/data"
            : null;
        var table = definition.CatalogTableName
            ?? $"{definition.FeatureGroupName}_{epoch}".Replace('-', '_').ToLowerInvariant();
        return new RegisteredFeatureGroup(definition, creationTime, resolved, (definition.CatalogDatabase ?? DefaultCatalogDatabase).ToLowerInvariant(), table.ToLowerInvariant());
    }
}
