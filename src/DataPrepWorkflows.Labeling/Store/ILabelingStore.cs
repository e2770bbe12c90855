using System.Text.Json.Nodes;
using DataPrepWorkflows.Labeling.Jobs;

namespace DataPrepWorkflows.Labeling.Store;

/// <summary>
/// Where labeling jobs, their objects, claims and answers live. Each call is one atomic transaction, so several
/// processes (the CLI, the server) can share a store. The embedded default is <see cref="SqliteLabelingStore"/>.
/// </summary>
public interface ILabelingStore
{
    /// <summary>Stores a new job and its objects.</summary>
    /// <exception cref="LabelingException"><see cref="LabelingErrorCodes.JobExists"/> when the name is taken (case-insensitively).</exception>
    Task CreateJobAsync(LabelingJobRecord job, IReadOnlyList<LabeledObject> objects, CancellationToken cancellationToken = default);

    /// <summary>The job, or <c>null</c>.</summary>
    Task<LabelingJobRecord?> GetJobAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>All jobs, newest first.</summary>
    Task<IReadOnlyList<LabelingJobRecord>> ListJobsAsync(CancellationToken cancellationToken = default);

    /// <summary>The job's counters.</summary>
    Task<LabelingProgress> GetProgressAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>The job's objects in manifest order.</summary>
    Task<IReadOnlyList<LabeledObject>> GetObjectsAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>The job's answers, by object then submission time.</summary>
    Task<IReadOnlyList<WorkerAnswer>> GetAnswersAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gives <paramref name="workerId"/> a task: the claim it already holds, or a pending object it has never been given
    /// that still needs answers (answers plus live claims below <paramref name="workersPerObject"/>); a specific object
    /// when <paramref name="objectIndex"/> is set. <c>null</c> when nothing is available.
    /// </summary>
    Task<TaskClaim?> ClaimAsync(string name, string workerId, int? objectIndex, int workersPerObject, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>Records that the worker declines the object: it is never offered to that worker again.</summary>
    Task SkipAsync(string name, string workerId, int objectIndex, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records an answer on the worker's live claim. When the object reaches <paramref name="workersPerObject"/> answers,
    /// <paramref name="consolidate"/> turns them into the label fields in the same transaction and the object becomes
    /// <see cref="ObjectState.Human"/>; returns whether that happened.
    /// </summary>
    /// <exception cref="LabelingException"><see cref="LabelingErrorCodes.NoClaim"/> or <see cref="LabelingErrorCodes.JobNotInProgress"/>.</exception>
    Task<bool> AddAnswerAsync(string name, WorkerAnswer answer, int workersPerObject, Func<IReadOnlyList<WorkerAnswer>, JsonObject> consolidate, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ends an in-progress job: pending objects with answers are consolidated with <paramref name="consolidate"/>, the
    /// others get <paramref name="failedFields"/> and become <see cref="ObjectState.Failed"/>. Returns <c>false</c> (and
    /// changes nothing) when the job had already ended, so exactly one caller finishes a job.
    /// </summary>
    Task<bool> EndJobAsync(string name, LabelingJobStatus status, DateTimeOffset endedAt, string reason, Func<IReadOnlyList<WorkerAnswer>, JsonObject> consolidate, JsonObject failedFields, CancellationToken cancellationToken = default);
}
