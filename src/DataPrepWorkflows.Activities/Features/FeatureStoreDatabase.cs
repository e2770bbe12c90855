using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace DataPrepWorkflows.Activities.Features;

/// <summary>
/// The SQLite file behind the local feature store: the registered groups and the online store (one row per record
/// identifier). Writes only replace a row whose event time is not newer, so an older event never overwrites a newer
/// one and, at equal event time, the later write wins.
/// </summary>
internal sealed class FeatureStoreDatabase : IDisposable
{
    private const string Upsert = """
        INSERT INTO online_records (group_name, record_id, event_time_ms, deleted, record_json)
        VALUES ($group, $id, $time, $deleted, $record)
        ON CONFLICT (group_name, record_id) DO UPDATE SET
            event_time_ms = excluded.event_time_ms, deleted = excluded.deleted, record_json = excluded.record_json
        WHERE excluded.event_time_ms >= online_records.event_time_ms
        """;

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _get;
    private readonly Lock _gate = new();

    private FeatureStoreDatabase(SqliteConnection connection)
    {
        _connection = connection;
        _get = connection.CreateCommand();
        _get.CommandText = "SELECT event_time_ms, deleted, record_json FROM online_records WHERE group_name = $group AND record_id = $id";
        _get.Parameters.Add("$group", SqliteType.Text);
        _get.Parameters.Add("$id", SqliteType.Text);
        _get.Prepare();
    }

    public static FeatureStoreDatabase Open(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var setup = connection.CreateCommand();
        setup.CommandText = """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            CREATE TABLE IF NOT EXISTS feature_groups (
                name TEXT PRIMARY KEY, definition_json TEXT NOT NULL, creation_time_ms INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS online_records (
                group_name TEXT NOT NULL, record_id TEXT NOT NULL, event_time_ms INTEGER NOT NULL,
                deleted INTEGER NOT NULL, record_json TEXT NOT NULL,
                PRIMARY KEY (group_name, record_id)) WITHOUT ROWID;
            """;
        setup.ExecuteNonQuery();
        return new FeatureStoreDatabase(connection);
    }

    public (string DefinitionJson, DateTimeOffset CreationTime)? FindGroup(string name)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT definition_json, creation_time_ms FROM feature_groups WHERE name = $name";
            command.Parameters.AddWithValue("$name", name);
            using var reader = command.ExecuteReader();
            return reader.Read() ? (reader.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1))) : null;
        }
    }

    public void InsertGroup(string name, string definitionJson, DateTimeOffset creationTime)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "INSERT INTO feature_groups (name, definition_json, creation_time_ms) VALUES ($name, $json, $time)";
            command.Parameters.AddWithValue("$name", name);
            command.Parameters.AddWithValue("$json", definitionJson);
            command.Parameters.AddWithValue("$time", creationTime.ToUnixTimeMilliseconds());
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Applies records in one transaction; returns how many replaced or created a row.</summary>
    public long Write(string group, IEnumerable<OnlineRecord> records)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Upsert;
            var groupParameter = command.Parameters.Add("$group", SqliteType.Text);
            var id = command.Parameters.Add("$id", SqliteType.Text);
            var time = command.Parameters.Add("$time", SqliteType.Integer);
            var deleted = command.Parameters.Add("$deleted", SqliteType.Integer);
            var record = command.Parameters.Add("$record", SqliteType.Text);
            groupParameter.Value = group;
            command.Prepare();
            long applied = 0;
            foreach (var row in records)
            {
                id.Value = row.RecordId;
                time.Value = row.EventTimeMilliseconds;
                deleted.Value = row.Deleted ? 1 : 0;
                record.Value = JsonSerializer.Serialize(row.Values, FeatureStoreJsonContext.Default.IReadOnlyListString);
                applied += command.ExecuteNonQuery();
            }

            transaction.Commit();
            return applied;
        }
    }

    public OnlineRecord? Get(string group, string recordId)
    {
        lock (_gate)
        {
            _get.Parameters[0].Value = group;
            _get.Parameters[1].Value = recordId;
            using var reader = _get.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }

            var values = JsonSerializer.Deserialize(reader.GetString(2), FeatureStoreJsonContext.Default.IReadOnlyListString) ?? [];
            return new OnlineRecord(recordId, reader.GetInt64(0), reader.GetInt64(1) != 0, values);
        }
    }

    public bool Remove(string group, string recordId)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "DELETE FROM online_records WHERE group_name = $group AND record_id = $id";
            command.Parameters.AddWithValue("$group", group);
            command.Parameters.AddWithValue("$id", recordId);
            return command.ExecuteNonQuery() > 0;
        }
    }

    public long Count(string group)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM online_records WHERE group_name = $group AND deleted = 0";
            command.Parameters.AddWithValue("$group", group);
            return (long)command.ExecuteScalar()!;
        }
    }

    public void Dispose()
    {
        _get.Dispose();
        _connection.Dispose();
    }
}
