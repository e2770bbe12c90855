using System.Data;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Labeling.Jobs;
using Microsoft.Data.Sqlite;
using static DataPrepWorkflows.Labeling.Store.SqliteStoreFile;

namespace DataPrepWorkflows.Labeling.Store;

/// <summary>
/// The embedded labeling store: one SQLite file (by default <c>&lt;state folder&gt;/labeling.db</c>). Every call runs
/// in its own immediate transaction, so concurrent workers never both take the last slot of an object.
/// </summary>
public sealed class SqliteLabelingStore : ILabelingStore
{
    /// <summary>The store's file name under the state folder.</summary>
    public const string DefaultFileName = "labeling.db";

    private readonly SqliteStoreFile _file;

    /// <summary>Opens (creating on first use) the store at <paramref name="path"/>.</summary>
    public SqliteLabelingStore(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _file = new SqliteStoreFile(path);
    }

    /// <summary>The store of a state folder: <c>&lt;stateFolder&gt;/labeling.db</c>.</summary>
    public static SqliteLabelingStore InStateFolder(string stateFolder) => new(System.IO.Path.Combine(stateFolder, DefaultFileName));

    /// <summary>The SQLite file.</summary>
    public string Path => _file.Path;

    /// <inheritdoc />
    public async Task CreateJobAsync(LabelingJobRecord job, IReadOnlyList<LabeledObject> objects, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(objects);
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(IsolationLevel.Serializable, deferred: false);
        await using (var exists = Command(connection, transaction, "SELECT name FROM jobs WHERE name = $name", ("$name", job.Name)))
        {
            if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string existing)
            {
                throw new LabelingException(LabelingErrorCodes.JobExists, "LabelingJobName",
                    $"a labeling job named '{existing}' already exists (names are case-insensitive); choose another name.");
            }
        }

        await ExecuteAsync(connection, transaction, """
            INSERT INTO jobs (name, definition, status, created_at, deadline, output_manifest, ended_at, end_reason, instance_id, bookmark_id)
            VALUES ($name, $definition, $status, $created, $deadline, $output, $ended, $reason, $instance, $bookmark)
            """, cancellationToken,
            ("$name", job.Name), ("$definition", StoreJson.Write(job.Definition)), ("$status", job.Status.ToString()),
            ("$created", Time(job.CreatedAt)), ("$deadline", Time(job.Deadline)), ("$output", job.OutputManifest),
            ("$ended", job.EndedAt is { } ended ? Time(ended) : null), ("$reason", job.EndReason),
            ("$instance", job.Waiter?.InstanceId), ("$bookmark", job.Waiter?.BookmarkId)).ConfigureAwait(false);

        await using (var insert = Command(connection, transaction, "INSERT INTO objects (job, idx, line, state, label) VALUES ($job, $idx, $line, $state, $label)"))
        {
            var idx = insert.Parameters.Add("$idx", SqliteType.Integer);
            var line = insert.Parameters.Add("$line", SqliteType.Text);
            var state = insert.Parameters.Add("$state", SqliteType.Text);
            var label = insert.Parameters.Add("$label", SqliteType.Text);
            insert.Parameters.AddWithValue("$job", job.Name);
            foreach (var item in objects)
            {
                idx.Value = item.Index;
                line.Value = item.Line.ToJsonString();
                state.Value = item.State.ToString();
                label.Value = (object?)item.LabelFields?.ToJsonString() ?? DBNull.Value;
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<LabelingJobRecord?> GetJobAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadJobAsync(connection, null, name, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LabelingJobRecord>> ListJobsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, $"{SelectJob} ORDER BY created_at DESC, name");
        return await ReadJobsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<LabelingProgress> GetProgressAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ProgressAsync(connection, null, name, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LabeledObject>> GetObjectsAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT idx, line, state, label FROM objects WHERE job = $job ORDER BY idx", ("$job", name));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var objects = new List<LabeledObject>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            objects.Add(new LabeledObject(
                reader.GetInt32(0),
                JsonNode.Parse(reader.GetString(1))!.AsObject(),
                Enum.Parse<ObjectState>(reader.GetString(2)),
                reader.IsDBNull(3) ? null : JsonNode.Parse(reader.GetString(3))!.AsObject()));
        }

        return objects;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<WorkerAnswer>> GetAnswersAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await AnswersAsync(connection, null, name, null, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<TaskClaim?> ClaimAsync(string name, string workerId, int? objectIndex, int workersPerObject, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workerId);
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(IsolationLevel.Serializable, deferred: false);
        await RequireInProgressAsync(connection, transaction, name, cancellationToken).ConfigureAwait(false);
        await using (var held = Command(connection, transaction, """
            SELECT idx, claimed_at, expires_at FROM assignments
            WHERE job = $job AND worker = $worker AND state = 'claimed' AND expires_at > $now AND ($idx IS NULL OR idx = $idx)
            ORDER BY idx LIMIT 1
            """, ("$job", name), ("$worker", workerId), ("$now", Time(now)), ("$idx", objectIndex)))
        await using (var reader = await held.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return new TaskClaim(reader.GetInt32(0), ParseTime(reader.GetString(1)), ParseTime(reader.GetString(2)));
            }
        }

        await using var candidate = Command(connection, transaction, """
            SELECT o.idx FROM objects o
            WHERE o.job = $job AND o.state = 'Pending' AND ($idx IS NULL OR o.idx = $idx)
              AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.job = o.job AND a.idx = o.idx AND a.worker = $worker)
              AND (SELECT COUNT(*) FROM assignments a WHERE a.job = o.job AND a.idx = o.idx
                   AND (a.state = 'answered' OR (a.state = 'claimed' AND a.expires_at > $now))) < $quota
            ORDER BY o.idx LIMIT 1
            """, ("$job", name), ("$worker", workerId), ("$now", Time(now)), ("$idx", objectIndex), ("$quota", workersPerObject));
        if (await candidate.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not long index)
        {
            return null;
        }

        await ExecuteAsync(connection, transaction, """
            INSERT INTO assignments (job, idx, worker, state, claimed_at, expires_at) VALUES ($job, $idx, $worker, 'claimed', $now, $expires)
            """, cancellationToken, ("$job", name), ("$idx", index), ("$worker", workerId), ("$now", Time(now)), ("$expires", Time(expiresAt))).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new TaskClaim((int)index, now, expiresAt);
    }

    /// <inheritdoc />
    public async Task SkipAsync(string name, string workerId, int objectIndex, CancellationToken cancellationToken = default)
    {
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(IsolationLevel.Serializable, deferred: false);
        await ExecuteAsync(connection, transaction, """
            INSERT INTO assignments (job, idx, worker, state, claimed_at, expires_at) VALUES ($job, $idx, $worker, 'skipped', '', '')
            ON CONFLICT (job, idx, worker) DO UPDATE SET state = 'skipped' WHERE state = 'claimed'
            """, cancellationToken, ("$job", name), ("$idx", objectIndex), ("$worker", workerId)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<bool> AddAnswerAsync(string name, WorkerAnswer answer, int workersPerObject, Func<IReadOnlyList<WorkerAnswer>, JsonObject> consolidate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(consolidate);
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(IsolationLevel.Serializable, deferred: false);
        await RequireInProgressAsync(connection, transaction, name, cancellationToken).ConfigureAwait(false);
        var updated = await ExecuteAsync(connection, transaction, """
            UPDATE assignments SET state = 'answered', submitted_at = $submitted, answer = $answer
            WHERE job = $job AND idx = $idx AND worker = $worker AND state = 'claimed' AND expires_at > $submitted
              AND EXISTS (SELECT 1 FROM objects o WHERE o.job = $job AND o.idx = $idx AND o.state = 'Pending')
            """, cancellationToken, ("$job", name), ("$idx", answer.ObjectIndex), ("$worker", answer.WorkerId),
            ("$submitted", Time(answer.SubmittedAt)), ("$answer", StoreJson.Write(answer.Answer))).ConfigureAwait(false);
        if (updated == 0)
        {
            throw new LabelingException(LabelingErrorCodes.NoClaim, $"object {answer.ObjectIndex}",
                $"worker '{answer.WorkerId}' holds no current claim on object {answer.ObjectIndex} of job '{name}' (never claimed, expired, skipped or already answered); ask for the next task first.");
        }

        var answers = await AnswersAsync(connection, transaction, name, answer.ObjectIndex, cancellationToken).ConfigureAwait(false);
        var complete = answers.Count >= workersPerObject;
        if (complete)
        {
            await SetLabelAsync(connection, transaction, name, answer.ObjectIndex, ObjectState.Human, consolidate(answers), cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return complete;
    }

    /// <inheritdoc />
    public async Task<bool> EndJobAsync(string name, LabelingJobStatus status, DateTimeOffset endedAt, string reason, Func<IReadOnlyList<WorkerAnswer>, JsonObject> consolidate, JsonObject failedFields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(consolidate);
        ArgumentNullException.ThrowIfNull(failedFields);
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(IsolationLevel.Serializable, deferred: false);
        var ended = await ExecuteAsync(connection, transaction,
            "UPDATE jobs SET status = $status, ended_at = $ended, end_reason = $reason WHERE name = $job AND status = 'InProgress'",
            cancellationToken, ("$job", name), ("$status", status.ToString()), ("$ended", Time(endedAt)), ("$reason", reason)).ConfigureAwait(false);
        if (ended == 0)
        {
            return false;
        }

        var pending = new List<int>();
        await using (var command = Command(connection, transaction, "SELECT idx FROM objects WHERE job = $job AND state = 'Pending' ORDER BY idx", ("$job", name)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                pending.Add(reader.GetInt32(0));
            }
        }

        foreach (var index in pending)
        {
            var answers = await AnswersAsync(connection, transaction, name, index, cancellationToken).ConfigureAwait(false);
            var (state, fields) = answers.Count > 0 ? (ObjectState.Human, consolidate(answers)) : (ObjectState.Failed, failedFields);
            await SetLabelAsync(connection, transaction, name, index, state, fields, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private const string SelectJob = "SELECT name, definition, status, created_at, deadline, output_manifest, ended_at, end_reason, instance_id, bookmark_id FROM jobs";

    private static async Task<LabelingJobRecord?> ReadJobAsync(SqliteConnection connection, SqliteTransaction? transaction, string name, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, $"{SelectJob} WHERE name = $name", ("$name", name));
        var jobs = await ReadJobsAsync(command, cancellationToken).ConfigureAwait(false);
        return jobs.Count == 0 ? null : jobs[0];
    }

    private static async Task<List<LabelingJobRecord>> ReadJobsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var jobs = new List<LabelingJobRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            jobs.Add(new LabelingJobRecord(
                StoreJson.Read<LabelingJobDefinition>(reader.GetString(1)),
                Enum.Parse<LabelingJobStatus>(reader.GetString(2)),
                ParseTime(reader.GetString(3)),
                ParseTime(reader.GetString(4)),
                reader.GetString(5),
                reader.IsDBNull(6) ? null : ParseTime(reader.GetString(6)),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.IsDBNull(8) ? null : new LabelingJobWaiter(reader.GetString(8), reader.GetString(9))));
        }

        return jobs;
    }

    private static async Task RequireInProgressAsync(SqliteConnection connection, SqliteTransaction transaction, string name, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "SELECT status FROM jobs WHERE name = $name", ("$name", name));
        var status = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string
            ?? throw new LabelingException(LabelingErrorCodes.JobNotFound, "job", $"no labeling job is named '{name}'.");
        if (status != nameof(LabelingJobStatus.InProgress))
        {
            throw new LabelingException(LabelingErrorCodes.JobNotInProgress, "job", $"labeling job '{name}' is {status}; it takes no more answers.");
        }
    }

    private static async Task<LabelingProgress> ProgressAsync(SqliteConnection connection, SqliteTransaction? transaction, string name, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, """
            SELECT COUNT(*), COALESCE(SUM(state = 'Human'), 0), COALESCE(SUM(state = 'Auto'), 0), COALESCE(SUM(state = 'Failed'), 0)
            FROM objects WHERE job = $job
            """, ("$job", name));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new LabelingProgress(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3));
    }

    private static async Task<List<WorkerAnswer>> AnswersAsync(SqliteConnection connection, SqliteTransaction? transaction, string name, int? index, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, """
            SELECT idx, worker, answer, claimed_at, submitted_at FROM assignments
            WHERE job = $job AND state = 'answered' AND ($idx IS NULL OR idx = $idx)
            ORDER BY idx, submitted_at, worker
            """, ("$job", name), ("$idx", index));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var answers = new List<WorkerAnswer>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            answers.Add(new WorkerAnswer(
                reader.GetInt32(0), reader.GetString(1), StoreJson.Read<LabelAnswer>(reader.GetString(2)),
                ParseTime(reader.GetString(3)), ParseTime(reader.GetString(4))));
        }

        return answers;
    }

    private static Task<int> SetLabelAsync(SqliteConnection connection, SqliteTransaction transaction, string name, int index, ObjectState state, JsonObject fields, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, "UPDATE objects SET state = $state, label = $label WHERE job = $job AND idx = $idx",
            cancellationToken, ("$job", name), ("$idx", index), ("$state", state.ToString()), ("$label", fields.ToJsonString()));
}
