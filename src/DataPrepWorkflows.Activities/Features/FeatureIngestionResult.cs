namespace DataPrepWorkflows.Activities.Features;

/// <summary>What an ingestion did.</summary>
/// <param name="Ingested">Records accepted (written to the offline store and offered to the online store).</param>
/// <param name="Rejected">Records refused.</param>
/// <param name="RejectionReasons">Refused records counted by reason (missing identifier, bad event time, type mismatch).</param>
/// <param name="OfflineFiles">The Parquet files written, as <c>s3://</c> URIs (or local paths for a local offline root).</param>
/// <param name="OnlineRecordsWritten">Online-store rows created or replaced (older events do not replace newer ones).</param>
/// <param name="IgnoredColumns">Dataset columns that are not features of the group.</param>
public sealed record FeatureIngestionResult(
    long Ingested,
    long Rejected,
    IReadOnlyDictionary<string, long> RejectionReasons,
    IReadOnlyList<string> OfflineFiles,
    long OnlineRecordsWritten,
    IReadOnlyList<string> IgnoredColumns);
