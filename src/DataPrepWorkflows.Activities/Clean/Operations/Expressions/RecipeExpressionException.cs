namespace DataPrepWorkflows.Activities.Clean.Operations.Expressions;

/// <summary>A step's expression parameter cannot be read; the validator reports it against <see cref="Parameter"/>.</summary>
internal sealed class RecipeExpressionException(string parameter, string message, bool unknownColumn = false) : FormatException(message)
{
    /// <summary>The parameter holding the expression.</summary>
    public string Parameter { get; } = parameter;

    /// <summary>Whether the problem is a column the dataset does not have.</summary>
    public bool UnknownColumn { get; } = unknownColumn;
}
