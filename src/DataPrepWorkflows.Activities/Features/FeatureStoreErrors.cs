namespace DataPrepWorkflows.Activities.Features;

/// <summary>Error names the feature store and <see cref="PublishFeaturesActivity"/> fault with, for <c>retry</c> and <c>catch</c>.</summary>
public static class FeatureStoreErrors
{
    /// <summary>The feature group definition is invalid; the message lists each diagnostic with its field.</summary>
    public const string InvalidDefinition = "FeatureStore.InvalidDefinition";

    /// <summary>An input or argument is missing or malformed (Feature Store's <c>ValidationError</c>).</summary>
    public const string ValidationError = "FeatureStore.ValidationError";

    /// <summary>The feature group does not exist (Feature Store's <c>ResourceNotFound</c>).</summary>
    public const string ResourceNotFound = "FeatureStore.ResourceNotFound";

    /// <summary>A group of the same name exists with a different definition.</summary>
    public const string GroupChanged = "FeatureStore.GroupChanged";

    /// <summary>The dataset cannot be read or lacks the record identifier or event time column.</summary>
    public const string DataUnreadable = "FeatureStore.DataUnreadable";
}
