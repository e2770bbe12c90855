namespace DataPrepWorkflows.Activities.BiasCheck;

/// <summary>A bias analysis the user can fix: a bad configuration field, a missing column, an unreadable dataset.</summary>
public sealed class BiasCheckException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="code">Stable code, one of <see cref="BiasErrors"/>.</param>
    /// <param name="message">What is wrong, naming the field, and what to do.</param>
    public BiasCheckException(string code, string message)
        : base(message) => Code = code;

    /// <summary>Creates the error with its cause.</summary>
    public BiasCheckException(string code, string message, Exception inner)
        : base(message, inner) => Code = code;

    /// <summary>The stable error code (also the activity's fault name).</summary>
    public string Code { get; }
}

/// <summary>The error codes of the bias check.</summary>
public static class BiasErrors
{
    /// <summary>The configuration is missing a field or a field has the wrong shape.</summary>
    public const string InvalidConfig = "Clarify.InvalidConfig";

    /// <summary>A configured column is not in the dataset.</summary>
    public const string MissingColumn = "Clarify.MissingColumn";

    /// <summary>The dataset could not be read.</summary>
    public const string DataUnreadable = "Clarify.DataUnreadable";

    /// <summary>The label or a facet cannot be used as configured (for example a continuous facet without threshold).</summary>
    public const string InvalidColumn = "Clarify.InvalidColumn";

    /// <summary>A threshold condition does not parse.</summary>
    public const string InvalidThreshold = "Clarify.InvalidThreshold";
}
