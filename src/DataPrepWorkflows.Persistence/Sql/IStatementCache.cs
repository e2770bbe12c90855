using System.Data.Common;

namespace DataPrepWorkflows.Persistence.Sql;

/// <summary>
/// A connection that keeps its compiled statements between uses. <see cref="SqlCommands.Command"/> asks it for the
/// command of a SQL text: the same command object comes back each time, its parameters cleared, so the statement is
/// compiled once per connection instead of once per execution. Disposing such a command only resets it.
/// </summary>
internal interface IStatementCache
{
    DbCommand Command(string sql, DbTransaction? transaction);
}
