namespace DataPrepWorkflows.Activities.Features;

/// <summary>One feature of a group, like Feature Store's <c>FeatureDefinition</c>.</summary>
/// <param name="FeatureName">The feature name.</param>
/// <param name="FeatureType">The value type.</param>
public sealed record FeatureDefinition(string FeatureName, FeatureType FeatureType)
{
    /// <summary>The Hive type the offline store's Glue table gives the feature.</summary>
    public string GlueType => FeatureType switch
    {
        FeatureType.Integral => "bigint",
        FeatureType.Fractional => "double",
        _ => "string",
    };

    internal string DuckDbType => FeatureType switch
    {
        FeatureType.Integral => "BIGINT",
        FeatureType.Fractional => "DOUBLE",
        _ => "VARCHAR",
    };
}
