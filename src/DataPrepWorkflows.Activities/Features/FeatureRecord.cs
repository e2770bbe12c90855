namespace DataPrepWorkflows.Activities.Features;

/// <summary>One feature's value as Feature Store returns it (<c>FeatureValue</c>).</summary>
/// <param name="FeatureName">The feature.</param>
/// <param name="ValueAsString">The value as text.</param>
public sealed record FeatureValue(string FeatureName, string ValueAsString);

/// <summary>A record read from the online store (<c>GetRecord</c>'s <c>Record</c>, with its group and identifier).</summary>
/// <param name="FeatureGroupName">The group.</param>
/// <param name="RecordIdentifierValueAsString">The record identifier.</param>
/// <param name="Record">The features that have a value, in definition order.</param>
public sealed record FeatureRecord(string FeatureGroupName, string RecordIdentifierValueAsString, IReadOnlyList<FeatureValue> Record)
{
    /// <summary>The value of <paramref name="featureName"/>, or <see langword="null"/> when the record has none.</summary>
    /// <param name="featureName">The feature.</param>
    public string? this[string featureName] =>
        Record.FirstOrDefault(v => string.Equals(v.FeatureName, featureName, StringComparison.Ordinal))?.ValueAsString;
}

/// <summary>How <c>DeleteRecord</c> removes a record from the online store.</summary>
public enum DeletionMode
{
    /// <summary>Keeps a tombstone at the delete's event time: GetRecord finds nothing and older puts cannot bring the record back.</summary>
    SoftDelete,

    /// <summary>Removes the record from the online store entirely.</summary>
    HardDelete,
}

/// <summary>The records to read from one group in <c>BatchGetRecord</c>.</summary>
/// <param name="FeatureGroupName">The group.</param>
/// <param name="RecordIdentifiersValueAsString">The record identifiers.</param>
/// <param name="FeatureNames">The features to return; <see langword="null"/> for all.</param>
public sealed record BatchGetRecordIdentifier(string FeatureGroupName, IReadOnlyList<string> RecordIdentifiersValueAsString, IReadOnlyList<string>? FeatureNames = null);

/// <summary>A record <c>BatchGetRecord</c> could not read.</summary>
/// <param name="FeatureGroupName">The group.</param>
/// <param name="RecordIdentifierValueAsString">The record identifier.</param>
/// <param name="ErrorCode">Feature Store's error code, for example <c>ResourceNotFound</c>.</param>
/// <param name="ErrorMessage">What went wrong.</param>
public sealed record BatchGetRecordError(string FeatureGroupName, string RecordIdentifierValueAsString, string ErrorCode, string ErrorMessage);

/// <summary><c>BatchGetRecord</c>'s answer: found records, errors, and identifiers not processed (always empty locally).</summary>
/// <param name="Records">Records found (identifiers with no record are simply absent, as in Feature Store).</param>
/// <param name="Errors">Per-record errors.</param>
/// <param name="UnprocessedIdentifiers">Identifiers left for a retry.</param>
public sealed record BatchGetRecordResult(IReadOnlyList<FeatureRecord> Records, IReadOnlyList<BatchGetRecordError> Errors, IReadOnlyList<BatchGetRecordIdentifier> UnprocessedIdentifiers);
