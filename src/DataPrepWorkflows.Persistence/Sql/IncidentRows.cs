using System.Data.Common;

namespace DataPrepWorkflows.Persistence.Sql;

/// <summary>The incident columns, their mapping and insertion.</summary>
internal static class IncidentRows
{
    public const string Columns = "incident_id, instance_id, workflow_id, activity_id, activity_type, error_type, message, created_at, resolved_at";

    public static IncidentRecord Map(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetString(5),
        reader.GetString(6),
        reader.Time(7),
        reader.TimeOrNull(8));

    /// <summary>Inserts one incident; binds <see cref="BindValues"/>.</summary>
    public const string InsertSql = $"INSERT INTO incidents ({Columns}) VALUES (@id, @instance, @workflow, @activity, @type, @error, @message, @created, @resolved)";

    /// <summary>The incident's values under the parameter names of <see cref="InsertSql"/>.</summary>
    public static void BindValues(IncidentRecord incident, Action<string, object?> add)
    {
        add("@id", incident.IncidentId);
        add("@instance", incident.InstanceId);
        add("@workflow", incident.WorkflowId);
        add("@activity", incident.ActivityId);
        add("@type", incident.ActivityType);
        add("@error", incident.ErrorType);
        add("@message", incident.Message);
        add("@created", incident.CreatedAt);
        add("@resolved", incident.ResolvedAt);
    }

    public static async Task InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<IncidentRecord> incidents, CancellationToken cancellationToken)
    {
        foreach (var incident in incidents)
        {
            var command = connection.Command(InsertSql, transaction);
            BindValues(incident, (name, value) => command.With(name, value));
            await command.RunAsync(cancellationToken);
        }
    }
}
