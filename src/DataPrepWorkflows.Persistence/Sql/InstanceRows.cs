using System.Data.Common;
using DataPrepWorkflows.Engine.Execution;

namespace DataPrepWorkflows.Persistence.Sql;

/// <summary>The instance columns and their mapping to <see cref="InstanceRecord"/>.</summary>
internal static class InstanceRows
{
    public const string Columns = "instance_id, workflow_id, workflow_version, status, correlation_id, parent_instance_id, git_commit, created_at, updated_at, finished_at, next_timer_at, error_message, revision";

    /// <summary>Inserts a new instance at revision 1; no row when it exists. Binds <see cref="BindValues"/>.</summary>
    public const string InsertSql = $"""
        INSERT INTO instances ({Columns}, state)
        VALUES (@id, @workflow, @version, @status, @correlation, @parent, @commit, @created, @updated, @finished, @timer, @error, 1, @state)
        ON CONFLICT (instance_id) DO NOTHING
        """;

    /// <summary>Writes every column and moves the revision on; no row unless at <c>@revision</c>. Binds <see cref="BindValues"/>.</summary>
    public const string UpdateSql = """
        UPDATE instances SET workflow_id = @workflow, workflow_version = @version, status = @status,
            correlation_id = @correlation, parent_instance_id = @parent, git_commit = @commit, created_at = @created,
            updated_at = @updated, finished_at = @finished, next_timer_at = @timer, error_message = @error,
            state = @state, revision = revision + 1
        WHERE instance_id = @id AND revision = @revision
        """;

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
        var command = connection.Command(InsertSql, transaction);
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

        var command = connection.Command(UpdateSql, transaction);
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

    /// <summary>The instance's values under the parameter names of <see cref="InsertSql"/> and <see cref="UpdateSql"/>.</summary>
    public static void BindValues(InstanceRecord instance, Action<string, object?> add)
    {
        add("@id", instance.InstanceId);
        add("@workflow", instance.WorkflowId);
        add("@version", instance.WorkflowVersion);
        add("@status", instance.Status);
        add("@correlation", instance.CorrelationId);
        add("@parent", instance.ParentInstanceId);
        add("@commit", instance.GitCommit);
        add("@created", instance.CreatedAt);
        add("@updated", instance.UpdatedAt);
        add("@finished", instance.FinishedAt);
        add("@timer", instance.NextTimerAt);
        add("@error", instance.ErrorMessage);
        add("@state", instance.State);
    }

    private static DbCommand Bind(DbCommand command, InstanceRecord instance)
    {
        BindValues(instance, (name, value) => command.With(name, value));
        return command;
    }
}
