using System.Data.Common;
using DataPrepWorkflows.Engine.Execution;

namespace DataPrepWorkflows.Persistence.Sql;

/// <summary>The instance columns and their mapping to <see cref="InstanceRecord"/>.</summary>
internal static class InstanceRows
{
    public const string Columns = "instance_id, workflow_id, workflow_version, status, correlation_id, parent_instance_id, git_commit, created_at, updated_at, finished_at, next_timer_at, error_message, revision";

    public static InstanceRecord Map(DbDataReader reader, bool withState) => new()
    {
        InstanceId = reader.GetString(0),
        WorkflowId = reader.GetString(1),
        WorkflowVersion = reader.Int(2),
        Status = (WorkflowStatus)reader.Int(3),
        CorrelationId = reader.TextOrNull(4),
        ParentInstanceId = reader.TextOrNull(5),
        GitCommit = reader.TextOrNull(6),
        CreatedAt = reader.Time(7),
        UpdatedAt = reader.Time(8),
        FinishedAt = reader.TimeOrNull(9),
        NextTimerAt = reader.TimeOrNull(10),
        ErrorMessage = reader.TextOrNull(11),
        Revision = reader.Long(12),
        State = withState ? reader.GetFieldValue<byte[]>(13) : ReadOnlyMemory<byte>.Empty,
    };

    public static async Task<bool> InsertAsync(DbConnection connection, DbTransaction transaction, InstanceRecord instance, CancellationToken cancellationToken)
    {
        var command = connection.Command(
            $"""
            INSERT INTO instances ({Columns}, state)
            VALUES (@id, @workflow, @version, @status, @correlation, @parent, @commit, @created, @updated, @finished, @timer, @error, 1, @state)
            ON CONFLICT (instance_id) DO NOTHING
            """,
            transaction);
        return await Bind(command, instance).RunAsync(cancellationToken) == 1;
    }

    public static async Task<bool> UpdateAsync(DbConnection connection, DbTransaction transaction, InstanceRecord instance, bool tryNarrow, CancellationToken cancellationToken)
    {
        // Most commits only move a running instance on: the same status and identity, a new state. Writing just the
        // columns no index covers spares SQLite rewriting the eight listing indexes (it maintains every index whose
        // columns an UPDATE names, changed or not). Any other change falls through to the full update below.
        if (tryNarrow && await NarrowUpdateAsync(connection, transaction, instance, cancellationToken))
        {
            return true;
        }

        var command = connection.Command(
            """
            UPDATE instances SET workflow_id = @workflow, workflow_version = @version, status = @status,
                correlation_id = @correlation, parent_instance_id = @parent, git_commit = @commit, created_at = @created,
                updated_at = @updated, finished_at = @finished, next_timer_at = @timer, error_message = @error,
                state = @state, revision = revision + 1
            WHERE instance_id = @id AND revision = @revision
            """,
            transaction);
        return await Bind(command, instance).With("@revision", instance.Revision).RunAsync(cancellationToken) == 1;
    }

    private static async Task<bool> NarrowUpdateAsync(DbConnection connection, DbTransaction transaction, InstanceRecord instance, CancellationToken cancellationToken)
    {
        var narrow = connection.Command(
            """
            UPDATE instances SET updated_at = @updated, next_timer_at = @timer, error_message = @error, state = @state, revision = revision + 1
            WHERE instance_id = @id AND revision = @revision AND status = @status AND workflow_id = @workflow
              AND workflow_version = @version AND created_at = @created
              AND (correlation_id = @correlation OR (correlation_id IS NULL AND @correlation IS NULL))
              AND (parent_instance_id = @parent OR (parent_instance_id IS NULL AND @parent IS NULL))
              AND (git_commit = @commit OR (git_commit IS NULL AND @commit IS NULL))
              AND (finished_at = @finished OR (finished_at IS NULL AND @finished IS NULL))
            """,
            transaction);
        return await Bind(narrow, instance).With("@revision", instance.Revision).RunAsync(cancellationToken) == 1;
    }

    private static DbCommand Bind(DbCommand command, InstanceRecord instance) => command
        .With("@id", instance.InstanceId)
        .With("@workflow", instance.WorkflowId)
        .With("@version", instance.WorkflowVersion)
        .With("@status", instance.Status)
        .With("@correlation", instance.CorrelationId)
        .With("@parent", instance.ParentInstanceId)
        .With("@commit", instance.GitCommit)
        .With("@created", instance.CreatedAt)
        .With("@updated", instance.UpdatedAt)
        .With("@finished", instance.FinishedAt)
        .With("@timer", instance.NextTimerAt)
        .With("@error", instance.ErrorMessage)
        .With("@state", instance.State);
}
