using System.Data.Common;
using DataPrepWorkflows.Persistence.Sql;
using Microsoft.Data.Sqlite;

namespace DataPrepWorkflows.Persistence.Sqlite;

/// <summary>
/// A SQLite connection that stays open between uses, with its prepared statements. Microsoft.Data.Sqlite keeps a
/// compiled statement only as long as its command lives, and closing a connection disposes every command on it; a
/// store that opened a pooled connection and built new commands for every call compiled every statement again at
/// every execution (parsing and planning were a large part of a commit's CPU). Disposing this connection hands it
/// back to its <see cref="SqliteDatabase"/>, which keeps it for the next caller unless a transaction is still open
/// on it or the database is being disposed; only then is it really closed.
/// </summary>
internal sealed class KeptSqliteConnection(string connectionString, Func<KeptSqliteConnection, bool> keep)
    : SqliteConnection(connectionString), IStatementCache
{
    /// <summary>Past this many distinct texts (lists built for a number of values) commands are not kept.</summary>
    internal const int MaxStatements = 128;

    private readonly Dictionary<string, KeptCommand> _statements = new(StringComparer.Ordinal);
    private bool _closing;

    /// <summary>How many statements this connection keeps compiled.</summary>
    internal int StatementCount => _statements.Count;

    public DbCommand Command(string sql, DbTransaction? transaction)
    {
        if (!_statements.TryGetValue(sql, out var command))
        {
            // An empty text is filled in by the caller afterwards (listings built from filters): not kept.
            if (sql.Length == 0 || _statements.Count >= MaxStatements)
            {
                var single = CreateCommand();
                single.CommandText = sql;
                single.Transaction = (SqliteTransaction?)transaction;
                return single;
            }

            command = new KeptCommand { Connection = this, CommandText = sql };
            _statements.Add(sql, command);
        }

        command.Parameters.Clear();
        command.Transaction = (SqliteTransaction?)transaction;
        return command;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_closing && State == System.Data.ConnectionState.Open && Transaction is null && keep(this))
        {
            return;
        }

        _closing = true;
        foreach (var command in _statements.Values)
        {
            command.Release();
        }

        _statements.Clear();
        base.Dispose(disposing);
    }

    /// <summary>A command whose disposal resets it for the next use instead of finalizing its statements.</summary>
    private sealed class KeptCommand : SqliteCommand
    {
        private bool _released;

        public void Release()
        {
            _released = true;
            Dispose();
        }

        protected override void Dispose(bool disposing)
        {
            if (_released || !disposing)
            {
                base.Dispose(disposing);
                return;
            }

            // Bound values (state documents) are not held on to between uses.
            Parameters.Clear();
            Transaction = null;
        }
    }
}
