using DataPrepWorkflows.Activities.Backends;
using DataPrepWorkflows.DataPlane.Datasets;
using DataPrepWorkflows.Storage;

namespace DataPrepWorkflows.Activities.Features;

/// <summary>
/// The local SageMaker Feature Store: feature groups registered in a SQLite file under the state folder, an offline
/// store laid out in object storage exactly as Feature Store's (Parquet, hourly partitions, catalog table), and an
/// online store (SQLite) with GetRecord, BatchGetRecord and DeleteRecord semantics. Thread-safe.
/// </summary>
public sealed class FeatureStore : IDisposable
{
    /// <summary>Feature Store's BatchGetRecord limit on records per call.</summary>
    public const int MaxBatchRecords = 100;

    /// <summary>Feature Store's BatchGetRecord limit on groups per call.</summary>
    public const int MaxBatchGroups = 10;

    private readonly FeatureStoreDatabase _database;
    private readonly Lock _groupsGate = new();
    private readonly Dictionary<string, RegisteredFeatureGroup> _groups = new(StringComparer.Ordinal);

    private FeatureStore(DataBackends backends, FeatureStoreOptions options, FeatureStoreDatabase database)
    {
        Backends = backends;
        Options = options;
        _database = database;
    }

    /// <summary>The backends the store writes to.</summary>
    public DataBackends Backends { get; }

    /// <summary>Account, region and clock.</summary>
    public FeatureStoreOptions Options { get; }

    /// <summary>The SQLite file of a store kept under <paramref name="stateFolder"/>.</summary>
    /// <param name="stateFolder">The backends' state folder.</param>
    public static string DatabasePath(string stateFolder) => Path.Combine(stateFolder, "feature-store", "feature-store.db");

    /// <summary>Opens the store kept in <paramref name="backends"/>' state folder, creating it when new.</summary>
    /// <param name="backends">Storage, catalog, data plane and state folder.</param>
    /// <param name="options">Account, region, clock; <see langword="null"/> for the defaults.</param>
    /// <returns>The store; dispose it when done.</returns>
    public static FeatureStore Open(DataBackends backends, FeatureStoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(backends);
        return new FeatureStore(backends, options ?? new FeatureStoreOptions(), FeatureStoreDatabase.Open(DatabasePath(backends.StateFolder)));
    }

    /// <summary>
    /// Creates a feature group (<c>CreateFeatureGroup</c>), or returns the existing one when a group of that name was
    /// created from the same definition.
    /// </summary>
    /// <param name="definition">A validated definition (see <see cref="FeatureGroupReader"/>).</param>
    /// <returns>The group with its creation time and offline location.</returns>
    /// <exception cref="FeatureStoreException"><see cref="FeatureStoreErrors.GroupChanged"/> when the name is taken by another definition.</exception>
    public RegisteredFeatureGroup CreateFeatureGroup(FeatureGroupDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var json = FeatureGroupJson.Write(definition);
        lock (_groupsGate)
        {
            if (_database.FindGroup(definition.FeatureGroupName) is { } existing)
            {
                return existing.DefinitionJson == json
                    ? Describe(definition.FeatureGroupName)
                    : throw new FeatureStoreException(FeatureStoreErrors.GroupChanged,
                        $"feature group '{definition.FeatureGroupName}' exists with a different definition; Feature Store does not change a group's features in place: give the new definition a new FeatureGroupName.");
            }

            var creation = DateTimeOffset.FromUnixTimeMilliseconds(Options.Clock.GetUtcNow().ToUnixTimeMilliseconds());
            _database.InsertGroup(definition.FeatureGroupName, json, creation);
            var group = RegisteredFeatureGroup.Create(definition, creation, Options);
            _groups[group.Name] = group;
            return group;
        }
    }

    /// <summary>The registered group (<c>DescribeFeatureGroup</c>).</summary>
    /// <param name="featureGroupName">The group name.</param>
    /// <exception cref="FeatureStoreException"><see cref="FeatureStoreErrors.ResourceNotFound"/> when there is no such group.</exception>
    public RegisteredFeatureGroup Describe(string featureGroupName)
    {
        ArgumentNullException.ThrowIfNull(featureGroupName);
        lock (_groupsGate)
        {
            if (_groups.TryGetValue(featureGroupName, out var cached))
            {
                return cached;
            }

            var (json, creation) = _database.FindGroup(featureGroupName)
                ?? throw new FeatureStoreException(FeatureStoreErrors.ResourceNotFound, $"feature group '{featureGroupName}' does not exist; publish its definition first.");
            var definition = FeatureGroupReader.Read(json).Group
                ?? throw new InvalidOperationException($"The stored definition of '{featureGroupName}' no longer validates.");
            return _groups[featureGroupName] = RegisteredFeatureGroup.Create(definition, creation, Options);
        }
    }

    /// <summary>
    /// Ingests every row of a dataset as one <c>PutRecord</c> each: valid records go to the offline store (one
    /// Parquet file per hourly partition) and the online store (latest event time per identifier wins); invalid
    /// ones are counted by reason.
    /// </summary>
    /// <param name="featureGroupName">The group.</param>
    /// <param name="data">A CSV, JSON Lines or Parquet file, folder or glob; a local path or <c>s3://</c> URI.</param>
    /// <param name="cancellationToken">Cancels the ingestion.</param>
    /// <returns>Counts, reasons and files.</returns>
    /// <exception cref="FeatureStoreException">Unknown group, or the data cannot be read or lacks the identifier or event time column.</exception>
    public async Task<FeatureIngestionResult> IngestAsync(string featureGroupName, string data, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(data);
        var group = Describe(featureGroupName);
        var dataFolder = await OfflineFolderAsync(group, cancellationToken).ConfigureAwait(false);
        using var session = Backends.OpenSession();
        Dataset dataset;
        DatasetSchema schema;
        try
        {
            // CSV values are read as text, as PutRecord takes them (ValueAsString); the stage checks each against its feature type.
            dataset = session.Open(Backends.ResolveLocalPath(data), new DatasetReadOptions { Csv = new CsvOptions { AllText = true } });
            schema = await dataset.GetSchemaAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is DatasetException or StorageException)
        {
            throw new FeatureStoreException(FeatureStoreErrors.DataUnreadable, $"data: {error.Message}", error);
        }

        var stage = new IngestionStage(group.Definition, schema.Columns.Select(c => c.Name).ToArray());
        foreach (var required in new[] { stage.IdIndex, stage.EventIndex })
        {
            if (stage.Sources[required] is null)
            {
                throw new FeatureStoreException(FeatureStoreErrors.DataUnreadable,
                    $"data '{data}' has no column '{group.Definition.FeatureDefinitions[required].FeatureName}', which every record of '{group.Name}' needs; its columns are {string.Join(", ", schema.Columns.Select(c => c.Name))}.");
            }
        }

        var now = Options.Clock.GetUtcNow();
        var ingestion = await session.RunAsync((connection, token) => OfflineIngestion.Run(connection, stage, dataset.Relation, dataFolder, now, token), cancellationToken)
            .ConfigureAwait(false);
        if (dataFolder is not null && group.Definition.DisableGlueTableCreation is false && ingestion.Files.Count > 0)
        {
            await OfflineTable.EnsureAsync(Backends.Catalog, group, ingestion.Files, cancellationToken).ConfigureAwait(false);
        }

        var online = group.Definition.EnableOnlineStore ? _database.Write(group.Name, ingestion.Latest) : 0;
        return new FeatureIngestionResult(
            ingestion.Accepted,
            ingestion.Reasons.Values.Sum(),
            ingestion.Reasons,
            ingestion.Files.Select(f => $"{group.ResolvedOutputS3Uri}/{f}").ToArray(),
            online,
            stage.IgnoredColumns);
    }

    /// <summary>Reads a record from the online store (<c>GetRecord</c>); <see langword="null"/> when absent or deleted.</summary>
    /// <param name="featureGroupName">The group.</param>
    /// <param name="recordIdentifierValueAsString">The record identifier.</param>
    /// <param name="featureNames">The features to return; <see langword="null"/> for all.</param>
    /// <exception cref="FeatureStoreException">Unknown group, a group without online store, or an unknown feature name.</exception>
    public FeatureRecord? GetRecord(string featureGroupName, string recordIdentifierValueAsString, IReadOnlyList<string>? featureNames = null)
    {
        ArgumentNullException.ThrowIfNull(recordIdentifierValueAsString);
        var group = OnlineGroup(featureGroupName);
        var selected = Selection(group.Definition, featureNames);
        var row = _database.Get(group.Name, recordIdentifierValueAsString);
        return row is null || row.Deleted ? null : ToRecord(group.Definition, row, selected);
    }

    /// <summary>Reads records of several groups (<c>BatchGetRecord</c>): at most 100 records over at most 10 groups.</summary>
    /// <param name="identifiers">What to read, per group.</param>
    /// <returns>Records found, and per-record errors (an unknown group is an error of each of its records).</returns>
    /// <exception cref="FeatureStoreException"><see cref="FeatureStoreErrors.ValidationError"/> past the limits.</exception>
    public BatchGetRecordResult BatchGetRecord(IReadOnlyList<BatchGetRecordIdentifier> identifiers)
    {
        ArgumentNullException.ThrowIfNull(identifiers);
        var total = identifiers.Sum(i => i.RecordIdentifiersValueAsString.Count);
        if (identifiers.Count is 0 or > MaxBatchGroups || total is 0 or > MaxBatchRecords)
        {
            throw new FeatureStoreException(FeatureStoreErrors.ValidationError,
                $"BatchGetRecord reads 1 to {MaxBatchRecords} records from 1 to {MaxBatchGroups} feature groups; this call asks for {total} records from {identifiers.Count} groups.");
        }

        var records = new List<FeatureRecord>();
        var errors = new List<BatchGetRecordError>();
        foreach (var identifier in identifiers)
        {
            foreach (var id in identifier.RecordIdentifiersValueAsString)
            {
                try
                {
                    if (GetRecord(identifier.FeatureGroupName, id, identifier.FeatureNames) is { } record)
                    {
                        records.Add(record);
                    }
                }
                catch (FeatureStoreException error)
                {
                    errors.Add(new BatchGetRecordError(identifier.FeatureGroupName, id, error.Error == FeatureStoreErrors.ResourceNotFound ? "ResourceNotFound" : "ValidationError", error.Message));
                }
            }
        }

        return new BatchGetRecordResult(records, errors, []);
    }

    /// <summary>
    /// Deletes a record (<c>DeleteRecord</c>). The offline store gets a row with <c>is_deleted = true</c> at the
    /// delete's event time. In the online store a soft delete leaves a tombstone (only when the delete is not older than
    /// the stored record), so older puts cannot bring the record back; a hard delete removes the row.
    /// </summary>
    /// <param name="featureGroupName">The group.</param>
    /// <param name="recordIdentifierValueAsString">The record identifier.</param>
    /// <param name="eventTime">The delete's event time, in the group's event-time format.</param>
    /// <param name="mode">Soft (default) or hard delete in the online store.</param>
    /// <param name="cancellationToken">Cancels the offline write.</param>
    /// <exception cref="FeatureStoreException">Unknown group, or an event time in the wrong format.</exception>
    public async Task DeleteRecordAsync(string featureGroupName, string recordIdentifierValueAsString, string eventTime, DeletionMode mode = DeletionMode.SoftDelete, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(recordIdentifierValueAsString);
        var group = Describe(featureGroupName);
        var definition = group.Definition;
        if (!EventTime.TryParse(eventTime, definition.EventTime.FeatureType, out var eventMilliseconds))
        {
            throw new FeatureStoreException(FeatureStoreErrors.ValidationError, $"EventTime '{eventTime}' is not valid for '{group.Name}': expected {EventTime.Expected(definition.EventTime.FeatureType)}.");
        }

        var dataFolder = await OfflineFolderAsync(group, cancellationToken).ConfigureAwait(false);
        if (dataFolder is not null)
        {
            var files = await OfflineIngestion.WriteDeleteAsync(Backends, group, dataFolder, recordIdentifierValueAsString, eventTime, Options.Clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            if (!definition.DisableGlueTableCreation)
            {
                await OfflineTable.EnsureAsync(Backends.Catalog, group, files, cancellationToken).ConfigureAwait(false);
            }
        }

        if (definition.EnableOnlineStore)
        {
            if (mode == DeletionMode.HardDelete)
            {
                _database.Remove(group.Name, recordIdentifierValueAsString);
            }
            else
            {
                var values = new string?[definition.FeatureDefinitions.Count];
                values[definition.IndexOf(definition.RecordIdentifierFeatureName)] = recordIdentifierValueAsString;
                values[definition.IndexOf(definition.EventTimeFeatureName)] = eventTime;
                _database.Write(group.Name, [new OnlineRecord(recordIdentifierValueAsString, eventMilliseconds, Deleted: true, values)]);
            }
        }
    }

    /// <summary>Records in the online store (deleted records not counted).</summary>
    /// <param name="featureGroupName">The group.</param>
    public long CountOnlineRecords(string featureGroupName) => _database.Count(Describe(featureGroupName).Name);

    /// <summary>The local folder of the group's offline data (created, with its bucket), or <see langword="null"/> without an offline store.</summary>
    internal async Task<string?> OfflineFolderAsync(RegisteredFeatureGroup group, CancellationToken cancellationToken)
    {
        if (group.ResolvedOutputS3Uri is not { } uri)
        {
            return null;
        }

        await Backends.Storage.EnsureBucketAsync(S3Uri.Parse(uri).Bucket, cancellationToken).ConfigureAwait(false);
        var folder = Backends.ResolveLocalPath(uri);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <inheritdoc />
    public void Dispose() => _database.Dispose();

    private RegisteredFeatureGroup OnlineGroup(string featureGroupName)
    {
        var group = Describe(featureGroupName);
        return group.Definition.EnableOnlineStore
            ? group
            : throw new FeatureStoreException(FeatureStoreErrors.ValidationError, $"feature group '{featureGroupName}' has no online store (OnlineStoreConfig.EnableOnlineStore is not true).");
    }

    private static bool[]? Selection(FeatureGroupDefinition definition, IReadOnlyList<string>? featureNames)
    {
        if (featureNames is null || featureNames.Count == 0)
        {
            return null;
        }

        var selected = new bool[definition.FeatureDefinitions.Count];
        foreach (var name in featureNames)
        {
            var feature = definition.Find(name)
                ?? throw new FeatureStoreException(FeatureStoreErrors.ValidationError, $"FeatureName '{name}' is not a feature of '{definition.FeatureGroupName}'.");
            selected[definition.IndexOf(feature.FeatureName)] = true;
        }

        return selected;
    }

    private static FeatureRecord ToRecord(FeatureGroupDefinition definition, OnlineRecord row, bool[]? selected)
    {
        var values = new List<FeatureValue>(row.Values.Count);
        for (var i = 0; i < row.Values.Count && i < definition.FeatureDefinitions.Count; i++)
        {
            if (row.Values[i] is { } value && (selected is null || selected[i]))
            {
                values.Add(new FeatureValue(definition.FeatureDefinitions[i].FeatureName, value));
            }
        }

        return new FeatureRecord(definition.FeatureGroupName, row.RecordId, values);
    }
}
