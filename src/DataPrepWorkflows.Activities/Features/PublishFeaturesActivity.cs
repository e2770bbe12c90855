using System.Text.Json.Nodes;
using DataPrepWorkflows.Activities.Backends;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Activities.Features;

/// <summary>
/// Publishes a dataset to a feature group of the local SageMaker Feature Store: validates the group's
/// <c>CreateFeatureGroup</c> JSON, creates the group on first use, writes valid records to the offline store (Parquet
/// in Feature Store's layout, registered in the catalog) and the online store, and counts rejected records by reason.
/// </summary>
[Activity("PublishFeatures", Category = "Feature Store", Description = "Ingests a dataset into a SageMaker Feature Store feature group (offline Parquet store in Feature Store's layout, online store).")]
public sealed class PublishFeaturesActivity : CodeActivity
{
    /// <summary>The feature group definition file.</summary>
    [Input(Required = true, Order = 0, Description = "Path or s3:// URI of the feature group definition: CreateFeatureGroup JSON (FeatureGroupName, RecordIdentifierFeatureName, EventTimeFeatureName, FeatureDefinitions, OnlineStoreConfig, OfflineStoreConfig).")]
    public string FeatureGroup { get; set; } = "";

    /// <summary>The records to publish.</summary>
    [Input(Required = true, Order = 1, Description = "The records: a CSV, JSON Lines or Parquet file, folder or glob; a local path or s3:// URI. Columns are matched to feature names.")]
    public string Data { get; set; } = "";

    /// <summary>The account id in offline-store paths.</summary>
    [Input(Order = 2, DefaultJson = "\"000000000000\"", Description = "AWS account id used in the offline-store path <S3Uri>/<account>/sagemaker/<region>/offline-store/….")]
    public string Account { get; set; } = "000000000000";

    /// <summary>The region in offline-store paths.</summary>
    [Input(Order = 3, DefaultJson = "\"us-east-1\"", Description = "AWS region used in the offline-store path.")]
    public string Region { get; set; } = "us-east-1";

    /// <summary>Records accepted.</summary>
    [Output(Description = "Records written to the feature group.")]
    public long RecordsIngested { get; private set; }

    /// <summary>Records refused.</summary>
    [Output(Description = "Records refused (missing identifier, invalid event time, type mismatch).")]
    public long RecordsRejected { get; private set; }

    /// <summary>Refused records by reason.</summary>
    [Output(Description = "Refused records counted by reason: {\"invalid event time 'event_time': …\": 3}.")]
    public JsonObject RejectionReasons { get; private set; } = [];

    /// <summary>The offline store's catalog table.</summary>
    [Output(Description = "The offline store's catalog table as database.table (empty without an offline store or with DisableGlueTableCreation).")]
    public string OfflineTable { get; private set; } = "";

    /// <summary>The offline store's data location.</summary>
    [Output(Description = "ResolvedOutputS3Uri: <S3Uri>/<account>/sagemaker/<region>/offline-store/<group>-<creation-epoch>/data.")]
    public string OfflineLocation { get; private set; } = "";

    /// <summary>Parquet files written.</summary>
    [Output(Description = "Number of Parquet files written to the offline store.")]
    public int OfflineFiles { get; private set; }

    /// <summary>Records held by the online store after publishing.</summary>
    [Output(Description = "Records in the online store after publishing (latest per identifier; deleted records not counted).")]
    public long OnlineRecordCount { get; private set; }

    /// <summary>Dataset columns that are not features.</summary>
    [Output(Description = "Dataset columns that are not features of the group and were not published.")]
    public JsonArray IgnoredColumns { get; private set; } = [];

    /// <inheritdoc />
    protected override async ValueTask ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var backends = context.Backends();
        if (string.IsNullOrWhiteSpace(FeatureGroup) || string.IsNullOrWhiteSpace(Data))
        {
            throw new ActivityFaultException(FeatureStoreErrors.ValidationError, "featureGroup and data are required: give the feature group definition file and the dataset to publish.");
        }

        var read = await FeatureGroupReader.ReadFileAsync(backends.ResolveLocalPath(FeatureGroup), context.CancellationToken).ConfigureAwait(false);
        if (read.Group is not { } definition)
        {
            throw new ActivityFaultException(FeatureStoreErrors.InvalidDefinition, string.Join(Environment.NewLine, read.Diagnostics.Select(d => $"{FeatureGroup}: {d}")));
        }

        try
        {
            using var store = FeatureStore.Open(backends, new FeatureStoreOptions { Account = Account, Region = Region, Clock = context.Clock });
            var group = store.CreateFeatureGroup(definition);
            var result = await store.IngestAsync(group.Name, Data, context.CancellationToken).ConfigureAwait(false);
            RecordsIngested = result.Ingested;
            RecordsRejected = result.Rejected;
            RejectionReasons = new JsonObject(result.RejectionReasons.Select(r => KeyValuePair.Create(r.Key, (JsonNode?)r.Value)));
            OfflineLocation = group.ResolvedOutputS3Uri ?? "";
            OfflineTable = group.ResolvedOutputS3Uri is null || definition.DisableGlueTableCreation ? "" : group.OfflineTable;
            OfflineFiles = result.OfflineFiles.Count;
            OnlineRecordCount = definition.EnableOnlineStore ? store.CountOnlineRecords(group.Name) : 0;
            IgnoredColumns = new JsonArray(result.IgnoredColumns.Select(c => (JsonNode?)c).ToArray());
            FeatureStoreLog.Published(context.Logger, group.Name, result.Ingested, result.Rejected, OfflineFiles);
        }
        catch (FeatureStoreException error)
        {
            throw new ActivityFaultException(error.Error, error.Message);
        }
    }
}
