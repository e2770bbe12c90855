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

    public static async Task InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<IncidentRecord> incidents, CancellationToken cancellationToken)
    {
        foreach (var incident in incidents)
        {
            await connection.Command(
                $"INSERT INTO incidents ({Columns}) VALUES (@id, @instance, @workflow, @activity, @type, @error, @message, @created, @resolved)",
                transaction)
                .With("@id", incident.IncidentId)
                .With("@instance", incident.InstanceId)
                .With("@workflow", incident.WorkflowId)
                .With("@activity", incident.ActivityId)
                .With("@type", incident.ActivityType)
                .With("@error", incident.ErrorType)
                .With("@message", incident.Message)
                .With("@created", incident.CreatedAt)
                .With("@resolved", incident.ResolvedAt)
                .RunAsync(cancellationToken);
        }
    }
}
