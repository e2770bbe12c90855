namespace DataPrepWorkflows.Engine.Expressions;

/// <summary>An expression is not valid; the position is relative to the expression text (1-based).</summary>
public sealed class ExpressionSyntaxException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ExpressionSyntaxException(string message, int line, int column)
        : base(message)
    {
        Line = line;
        Column = column;
    }

    /// <summary>1-based line within the expression.</summary>
    public int Line { get; }

    /// <summary>1-based column within the expression.</summary>
    public int Column { get; }
}
