namespace DataPrepWorkflows.Persistence.Sql;

/// <summary>
/// A commit sent as one batch broke a constraint. Its transaction is lost; the commit is written again statement by
/// statement, which stops at the first failed guard, so the caller sees the conflict (or the constraint error) that
/// the commit really meets.
/// </summary>
internal sealed class CommitBatchRejectedException : Exception
{
    public CommitBatchRejectedException()
    {
    }

    public CommitBatchRejectedException(string message)
        : base(message)
    {
    }

    public CommitBatchRejectedException(Exception innerException)
        : base("A commit batch broke a constraint.", innerException)
    {
    }

    public CommitBatchRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
