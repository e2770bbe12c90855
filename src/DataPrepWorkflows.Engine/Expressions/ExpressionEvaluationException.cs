namespace DataPrepWorkflows.Engine.Expressions;

/// <summary>An expression failed while running: it threw, or hit the sandbox's time, statement or recursion limit.</summary>
public sealed class ExpressionEvaluationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ExpressionEvaluationException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
