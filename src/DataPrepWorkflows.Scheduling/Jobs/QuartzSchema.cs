using System.Data.Common;

namespace DataPrepWorkflows.Scheduling.Jobs;

/// <summary>
/// The tables Quartz's ADO job store reads and writes, created when missing so a new installation needs no manual
/// database step. The columns are the ones Quartz's delegates query (job details, triggers of each kind, fired
/// triggers, scheduler check-ins and locks); <c>quartz.jobStore.performSchemaValidation</c> checks them at start.
/// </summary>
internal static class QuartzSchema
{
    /// <summary>Creates the missing tables and indexes (idempotent).</summary>
    public static async Task EnsureCreatedAsync(DbConnection connection, ScheduleStoreProvider provider, string prefix, CancellationToken cancellationToken)
    {
        foreach (var statement in Statements(provider, prefix))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The DDL statements, in dependency order.</summary>
    public static IReadOnlyList<string> Statements(ScheduleStoreProvider provider, string prefix)
    {
        var postgres = provider == ScheduleStoreProvider.PostgreSql;
        var text = postgres ? "VARCHAR(200)" : "TEXT";
        var shortText = postgres ? "VARCHAR(16)" : "TEXT";
        var big = "BIGINT";
        var flag = postgres ? "BOOL" : "INTEGER";
        var blob = postgres ? "BYTEA" : "BLOB";
        var key = $"SCHED_NAME {text} NOT NULL, TRIGGER_NAME {text} NOT NULL, TRIGGER_GROUP {text} NOT NULL";
        var triggerKey = "SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP";
        var triggerFk = $"FOREIGN KEY ({triggerKey}) REFERENCES {prefix}TRIGGERS ({triggerKey}) ON DELETE CASCADE";
        return
        [
            $"""
            CREATE TABLE IF NOT EXISTS {prefix}JOB_DETAILS (
              SCHED_NAME {text} NOT NULL, JOB_NAME {text} NOT NULL, JOB_GROUP {text} NOT NULL, DESCRIPTION {(postgres ? "TEXT" : text)} NULL,
              JOB_CLASS_NAME {(postgres ? "VARCHAR(250)" : text)} NOT NULL, IS_DURABLE {flag} NOT NULL, IS_NONCONCURRENT {flag} NOT NULL,
              IS_UPDATE_DATA {flag} NOT NULL, REQUESTS_RECOVERY {flag} NOT NULL, JOB_DATA {blob} NULL,
              PRIMARY KEY (SCHED_NAME, JOB_NAME, JOB_GROUP))
            """,
            $"""
            CREATE TABLE IF NOT EXISTS {prefix}TRIGGERS (
              {key}, JOB_NAME {text} NOT NULL, JOB_GROUP {text} NOT NULL, DESCRIPTION {(postgres ? "TEXT" : text)} NULL,
              NEXT_FIRE_TIME {big} NULL, PREV_FIRE_TIME {big} NULL, PRIORITY INTEGER NULL, TRIGGER_STATE {shortText} NOT NULL,
              TRIGGER_TYPE {(postgres ? "VARCHAR(8)" : text)} NOT NULL, START_TIME {big} NOT NULL, END_TIME {big} NULL,
              CALENDAR_NAME {text} NULL, MISFIRE_INSTR SMALLINT NULL, JOB_DATA {blob} NULL,
              PRIMARY KEY ({triggerKey}),
              FOREIGN KEY (SCHED_NAME, JOB_NAME, JOB_GROUP) REFERENCES {prefix}JOB_DETAILS (SCHED_NAME, JOB_NAME, JOB_GROUP))
            """,
            $"""
            CREATE TABLE IF NOT EXISTS {prefix}SIMPLE_TRIGGERS (
              {key}, REPEAT_COUNT {big} NOT NULL, REPEAT_INTERVAL {big} NOT NULL, TIMES_TRIGGERED {big} NOT NULL,
              PRIMARY KEY ({triggerKey}), {triggerFk})
            """,
            $"""
            CREATE TABLE IF NOT EXISTS {prefix}SIMPROP_TRIGGERS (
              {key}, STR_PROP_1 {(postgres ? "VARCHAR(512)" : text)} NULL, STR_PROP_2 {(postgres ? "VARCHAR(512)" : text)} NULL,
              STR_PROP_3 {(postgres ? "VARCHAR(512)" : text)} NULL, INT_PROP_1 INTEGER NULL, INT_PROP_2 INTEGER NULL,
              LONG_PROP_1 {big} NULL, LONG_PROP_2 {big} NULL, DEC_PROP_1 NUMERIC NULL, DEC_PROP_2 NUMERIC NULL,
              BOOL_PROP_1 {flag} NULL, BOOL_PROP_2 {flag} NULL, TIME_ZONE_ID {(postgres ? "VARCHAR(80)" : text)} NULL,
              PRIMARY KEY ({triggerKey}), {triggerFk})
            """,
            $"""
            CREATE TABLE IF NOT EXISTS {prefix}CRON_TRIGGERS (
              {key}, CRON_EXPRESSION {(postgres ? "VARCHAR(120)" : text)} NOT NULL, TIME_ZONE_ID {(postgres ? "VARCHAR(80)" : text)} NULL,
              PRIMARY KEY ({triggerKey}), {triggerFk})
            """,
            $"""
            CREATE TABLE IF NOT EXISTS {prefix}BLOB_TRIGGERS (
              {key}, BLOB_DATA {blob} NULL,
              PRIMARY KEY ({triggerKey}), {triggerFk})
            """,
            $"""
            CREATE TABLE IF NOT EXISTS {prefix}CALENDARS (
              SCHED_NAME {text} NOT NULL, CALENDAR_NAME {text} NOT NULL, CALENDAR {blob} NOT NULL,
              PRIMARY KEY (SCHED_NAME, CALENDAR_NAME))
            """,
            $"""
            CREATE TABLE IF NOT EXISTS {prefix}PAUSED_TRIGGER_GRPS (
              SCHED_NAME {text} NOT NULL, TRIGGER_GROUP {text} NOT NULL,
              PRIMARY KEY (SCHED_NAME, TRIGGER_GROUP))
            """,
            $"""
            CREATE TABLE IF NOT EXISTS {prefix}FIRED_TRIGGERS (
              SCHED_NAME {text} NOT NULL, ENTRY_ID {(postgres ? "VARCHAR(140)" : text)} NOT NULL, TRIGGER_NAME {text} NOT NULL,
              TRIGGER_GROUP {text} NOT NULL, INSTANCE_NAME {text} NOT NULL, FIRED_TIME {big} NOT NULL, SCHED_TIME {big} NOT NULL,
              PRIORITY INTEGER NOT NULL, STATE {shortText} NOT NULL, JOB_NAME {text} NULL, JOB_GROUP {text} NULL,
              IS_NONCONCURRENT {flag} NOT NULL, REQUESTS_RECOVERY {flag} NULL,
              PRIMARY KEY (SCHED_NAME, ENTRY_ID))
            """,
            $"""
            CREATE TABLE IF NOT EXISTS {prefix}SCHEDULER_STATE (
              SCHED_NAME {text} NOT NULL, INSTANCE_NAME {text} NOT NULL, LAST_CHECKIN_TIME {big} NOT NULL,
              CHECKIN_INTERVAL {big} NOT NULL,
              PRIMARY KEY (SCHED_NAME, INSTANCE_NAME))
            """,
            $"""
            CREATE TABLE IF NOT EXISTS {prefix}LOCKS (
              SCHED_NAME {text} NOT NULL, LOCK_NAME {(postgres ? "VARCHAR(40)" : text)} NOT NULL,
              PRIMARY KEY (SCHED_NAME, LOCK_NAME))
            """,
            $"CREATE INDEX IF NOT EXISTS IDX_{prefix}T_NEXT_FIRE_TIME ON {prefix}TRIGGERS (SCHED_NAME, NEXT_FIRE_TIME)",
            $"CREATE INDEX IF NOT EXISTS IDX_{prefix}T_STATE ON {prefix}TRIGGERS (SCHED_NAME, TRIGGER_STATE)",
            $"CREATE INDEX IF NOT EXISTS IDX_{prefix}T_NFT_ST ON {prefix}TRIGGERS (SCHED_NAME, TRIGGER_STATE, NEXT_FIRE_TIME)",
            $"CREATE INDEX IF NOT EXISTS IDX_{prefix}FT_TRIG ON {prefix}FIRED_TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP)",
            $"CREATE INDEX IF NOT EXISTS IDX_{prefix}FT_INST ON {prefix}FIRED_TRIGGERS (SCHED_NAME, INSTANCE_NAME)",
            $"CREATE INDEX IF NOT EXISTS IDX_{prefix}J_GRP ON {prefix}JOB_DETAILS (SCHED_NAME, JOB_GROUP)",
        ];
    }
}
