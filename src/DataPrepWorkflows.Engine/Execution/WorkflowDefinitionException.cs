namespace DataPrepWorkflows.Engine.Execution;

/// <summary>
/// A workflow definition the engine cannot run (for example an unknown activity type or an edge to a missing
/// activity). Validate workflow files with the DSL validator first to get every problem with its position.
/// </summary>
public sealed class WorkflowDefinitionException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">Stable code, for example <c>ENG001</c>.</param>
    /// <param name="message">What is wrong, where, and what to do.</param>
    public WorkflowDefinitionException(string code, string message)
        : base(message) => Code = code;

    /// <summary>Creates the exception with an inner exception.</summary>
    public WorkflowDefinitionException(string code, string message, Exception inner)
        : base(message, inner) => Code = code;

    /// <summary>Stable code.</summary>
    public string Code { get; }
}

/// <summary>The inputs given to start an instance do not match the workflow's declared inputs.</summary>
public sealed class WorkflowInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="inputName">The workflow input at fault.</param>
    /// <param name="message">What is wrong and what to do.</param>
    public WorkflowInputException(string inputName, string message)
        : base(message) => InputName = inputName;

    /// <summary>The workflow input at fault.</summary>
    public string InputName { get; }
}
