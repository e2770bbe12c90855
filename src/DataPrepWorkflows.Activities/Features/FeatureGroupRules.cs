using System.Text.RegularExpressions;

namespace DataPrepWorkflows.Activities.Features;

/// <summary>Feature Store's rules for a feature group definition, as the SageMaker API model and quotas state them.</summary>
internal static partial class FeatureGroupRules
{
    public const int MaxFeatures = 2500;
    public const int MaxNameLength = 64;
    public const int MaxDescriptionLength = 128;

    /// <summary>Names Feature Store appends to every offline-store row.</summary>
    public static readonly IReadOnlyList<string> ReservedNames = ["is_deleted", "write_time", "api_invocation_time"];

    public static IEnumerable<FeatureGroupDiagnostic> Check(FeatureGroupDefinition group, string? tableFormat)
    {
        if (!GroupNamePattern().IsMatch(group.FeatureGroupName) || group.FeatureGroupName.Length > MaxNameLength)
        {
            yield return new(FeatureGroupCodes.GroupName, "FeatureGroupName",
                $"'{group.FeatureGroupName}' is not a valid feature group name: 1 to 64 letters, digits, '-' or '_', starting and ending with a letter or digit.");
        }

        if (group.FeatureDefinitions.Count is 0 or > MaxFeatures)
        {
            yield return new(FeatureGroupCodes.FeatureCount, "FeatureDefinitions",
                $"a feature group has 1 to {MaxFeatures} feature definitions; this one has {group.FeatureDefinitions.Count}.");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < group.FeatureDefinitions.Count; i++)
        {
            var name = group.FeatureDefinitions[i].FeatureName;
            var field = $"FeatureDefinitions[{i}].FeatureName";
            if (!FeatureNamePattern().IsMatch(name) || name.Length > MaxNameLength)
            {
                yield return new(FeatureGroupCodes.FeatureName, field,
                    $"'{name}' is not a valid feature name: 1 to 64 letters, digits, '-' or '_', starting and ending with a letter or digit.");
            }

            if (ReservedNames.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                yield return new(FeatureGroupCodes.ReservedName, field,
                    $"'{name}' is reserved (Feature Store adds is_deleted, write_time and api_invocation_time to every offline record); rename the feature.");
            }

            if (!seen.Add(name))
            {
                yield return new(FeatureGroupCodes.DuplicateFeature, field, $"feature '{name}' is defined more than once (names are compared ignoring case).");
            }
        }

        if (group.Find(group.RecordIdentifierFeatureName) is null)
        {
            yield return new(FeatureGroupCodes.RecordIdentifier, "RecordIdentifierFeatureName",
                $"'{group.RecordIdentifierFeatureName}' must be one of the FeatureDefinitions' names.");
        }

        var eventTime = group.Find(group.EventTimeFeatureName);
        if (eventTime is null)
        {
            yield return new(FeatureGroupCodes.EventTime, "EventTimeFeatureName",
                $"'{group.EventTimeFeatureName}' must be one of the FeatureDefinitions' names.");
        }
        else if (eventTime.FeatureType == FeatureType.Integral)
        {
            yield return new(FeatureGroupCodes.EventTime, "EventTimeFeatureName",
                $"event time feature '{eventTime.FeatureName}' is Integral; it must be String (ISO-8601 UTC, yyyy-MM-dd'T'HH:mm:ss[.SSS]Z) or Fractional (epoch seconds).");
        }
        else if (eventTime.FeatureType == FeatureType.Fractional && string.Equals(tableFormat, "Iceberg", StringComparison.Ordinal))
        {
            yield return new(FeatureGroupCodes.TableFormat, "OfflineStoreConfig.TableFormat",
                "an Iceberg offline store needs a String event time feature.");
        }

        if (group.Description is { Length: > MaxDescriptionLength })
        {
            yield return new(FeatureGroupCodes.Description, "Description", $"the description has {group.Description.Length} characters; the limit is {MaxDescriptionLength}.");
        }

        if (group.OfflineStoreS3Uri is { } uri && !S3UriPattern().IsMatch(uri))
        {
            yield return new(FeatureGroupCodes.S3Uri, "OfflineStoreConfig.S3StorageConfig.S3Uri", $"'{uri}' is not an s3://bucket/prefix URI.");
        }

        if (!group.EnableOnlineStore && group.OfflineStoreS3Uri is null)
        {
            yield return new(FeatureGroupCodes.NoStore, "OnlineStoreConfig",
                "enable the online store (OnlineStoreConfig.EnableOnlineStore: true) or configure an offline store (OfflineStoreConfig), or both.");
        }
    }

    [GeneratedRegex("^[a-zA-Z0-9]([_-]*[a-zA-Z0-9]){0,63}$")]
    private static partial Regex GroupNamePattern();

    [GeneratedRegex("^[a-zA-Z0-9]([-_]*[a-zA-Z0-9]){0,63}$")]
    private static partial Regex FeatureNamePattern();

    [GeneratedRegex("^s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?$")]
    private static partial Regex S3UriPattern();
}
