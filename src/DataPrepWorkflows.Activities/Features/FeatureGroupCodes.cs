namespace DataPrepWorkflows.Activities.Features;

/// <summary>Stable codes of <see cref="FeatureGroupDiagnostic"/>s, one per Feature Store rule.</summary>
public static class FeatureGroupCodes
{
    /// <summary>The file is not a JSON object.</summary>
    public const string InvalidJson = "FS001";

    /// <summary>A required field is missing or empty.</summary>
    public const string Required = "FS002";

    /// <summary>The group name breaks the pattern or length limit.</summary>
    public const string GroupName = "FS003";

    /// <summary>A feature name breaks the pattern or length limit.</summary>
    public const string FeatureName = "FS004";

    /// <summary>A feature uses a name Feature Store reserves for offline-store columns.</summary>
    public const string ReservedName = "FS005";

    /// <summary>Two features share a name (compared case-insensitively, as Glue and Athena do).</summary>
    public const string DuplicateFeature = "FS006";

    /// <summary>A feature type is not <c>Integral</c>, <c>Fractional</c> or <c>String</c>.</summary>
    public const string FeatureType = "FS007";

    /// <summary>The record identifier is not one of the feature definitions.</summary>
    public const string RecordIdentifier = "FS008";

    /// <summary>The event time feature is missing from the definitions or has a type other than String/Fractional.</summary>
    public const string EventTime = "FS009";

    /// <summary>There are no feature definitions, or more than 2,500.</summary>
    public const string FeatureCount = "FS010";

    /// <summary>The description is longer than 128 characters.</summary>
    public const string Description = "FS011";

    /// <summary>The offline store URI is not an <c>s3://bucket/prefix</c> URI.</summary>
    public const string S3Uri = "FS012";

    /// <summary>Neither an online nor an offline store is configured.</summary>
    public const string NoStore = "FS013";

    /// <summary>A field has the wrong JSON type.</summary>
    public const string FieldType = "FS014";

    /// <summary>An Iceberg offline store needs a String event time.</summary>
    public const string TableFormat = "FS015";
}
