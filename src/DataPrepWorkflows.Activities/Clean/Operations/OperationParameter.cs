namespace DataPrepWorkflows.Activities.Clean.Operations;

/// <summary>What a parameter's string value holds, and so how it is checked.</summary>
public enum ParameterKind
{
    /// <summary>The name of a column that exists at this step.</summary>
    Column,

    /// <summary>A JSON-encoded list of existing column names, e.g. <c>["a","b"]</c>.</summary>
    ColumnList,

    /// <summary>The name of a column the step creates; it must not exist yet.</summary>
    NewColumn,

    /// <summary>Any text.</summary>
    Text,

    /// <summary>A number, e.g. <c>"3"</c> or <c>"-0.5"</c>.</summary>
    Number,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary><c>"true"</c> or <c>"false"</c> (any case).</summary>
    Boolean,

    /// <summary>One of <see cref="OperationParameter.AllowedValues"/> (any case).</summary>
    Choice,

    /// <summary>A JSON-encoded list.</summary>
    JsonList,

    /// <summary>A JSON-encoded object.</summary>
    JsonMap,
}

/// <summary>A parameter of a recipe operation, as the catalog describes it.</summary>
/// <param name="Name">The exact DataBrew parameter name, e.g. <c>sourceColumn</c>.</param>
/// <param name="Kind">What the value holds.</param>
/// <param name="Required">Whether the step must give it.</param>
/// <param name="Description">What it does.</param>
public sealed record OperationParameter(string Name, ParameterKind Kind, bool Required, string Description)
{
    /// <summary>The value used when the step leaves the parameter out, or <see langword="null"/>.</summary>
    public string? Default { get; init; }

    /// <summary>For <see cref="ParameterKind.Choice"/>: the allowed values.</summary>
    public IReadOnlyList<string> AllowedValues { get; init; } = [];
}
