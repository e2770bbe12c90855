namespace DataPrepWorkflows.Engine.Activities;

/// <summary>
/// Marks a public settable property as an activity input. The input's name in workflow files is the property name in
/// camelCase; its JSON type comes from the property type.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class InputAttribute : Attribute
{
    /// <summary>What the input means and any non-obvious rule.</summary>
    public string Description { get; init; } = "";

    /// <summary>Whether the workflow must set the input.</summary>
    public bool Required { get; init; }

    /// <summary>The default (as JSON text, for example <c>"3"</c> or <c>"\"csv\""</c>) when the input is not set.</summary>
    public string? DefaultJson { get; init; }

    /// <summary>The only values allowed; for enum properties these come from the enum names.</summary>
    public string[]? AllowedValues { get; init; }

    /// <summary>
    /// Editor hint for the designer (<c>singleline</c>, <c>multiline</c>, <c>checkbox</c>, <c>dropdown</c>,
    /// <c>code-editor</c>, <c>json-editor</c>, <c>duration</c>). <value>Derived from the type when not set.</value>
    /// </summary>
    public string? UIHint { get; init; }

    /// <summary>Whether the value may be an expression (<c>=…</c>) or contain <c>${…}</c>. <value>Defaults to true.</value></summary>
    public bool AllowExpressions { get; init; } = true;

    /// <summary>Whether the value is secret: redacted in the journal, masked in the designer.</summary>
    public bool Secret { get; init; }

    /// <summary>Display order in the designer; lower first. <value>Defaults to declaration order.</value></summary>
    public int Order { get; init; } = int.MaxValue;

    /// <summary>Group of inputs in the designer's property panel.</summary>
    public string? Category { get; init; }
}
