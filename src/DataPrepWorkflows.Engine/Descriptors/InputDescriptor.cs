using System.Text.Json.Nodes;

namespace DataPrepWorkflows.Engine.Descriptors;

/// <summary>One input of an activity type.</summary>
public sealed record InputDescriptor
{
    /// <summary>Name in workflow files (camelCase).</summary>
    public required string Name { get; init; }

    /// <summary>JSON type: one of <see cref="InputTypes"/>.</summary>
    public required string Type { get; init; }

    /// <summary>Label in the designer.</summary>
    public required string DisplayName { get; init; }

    /// <summary>What the input means.</summary>
    public string Description { get; init; } = "";

    /// <summary>Whether the workflow must set it.</summary>
    public bool Required { get; init; }

    /// <summary>The value used when not set, or <c>null</c>.</summary>
    public JsonNode? DefaultValue { get; init; }

    /// <summary>The only values allowed, or <c>null</c>.</summary>
    public IReadOnlyList<string>? AllowedValues { get; init; }

    /// <summary>Editor hint for the designer.</summary>
    public required string UIHint { get; init; }

    /// <summary>Whether expressions and interpolation are allowed.</summary>
    public bool AllowExpressions { get; init; } = true;

    /// <summary>Whether the value is secret (redacted in the journal).</summary>
    public bool Secret { get; init; }

    /// <summary>Group in the designer's property panel.</summary>
    public string? Category { get; init; }
}

/// <summary>The JSON types an input can declare.</summary>
public static class InputTypes
{
    /// <summary>A JSON string.</summary>
    public const string String = "string";

    /// <summary>A JSON integer.</summary>
    public const string Integer = "integer";

    /// <summary>A JSON number.</summary>
    public const string Number = "number";

    /// <summary>A JSON boolean.</summary>
    public const string Boolean = "boolean";

    /// <summary>A JSON object.</summary>
    public const string Object = "object";

    /// <summary>A JSON array.</summary>
    public const string Array = "array";

    /// <summary>An ISO 8601 duration string such as <c>PT5M</c>.</summary>
    public const string Duration = "duration";

    /// <summary>An ISO 8601 date-time string.</summary>
    public const string DateTime = "date-time";

    /// <summary>Any JSON value.</summary>
    public const string Any = "any";
}
