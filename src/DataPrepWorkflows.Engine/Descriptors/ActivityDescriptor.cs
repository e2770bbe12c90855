using System.Text.Json.Serialization;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Engine.Descriptors;

/// <summary>
/// Everything known about an activity type without running it: the designer's palette, the JSON Schema,
/// <c>dataprep describe</c> and the validator all read descriptors.
/// </summary>
public sealed record ActivityDescriptor
{
    /// <summary>The <c>type</c> used in workflow files.</summary>
    public required string TypeName { get; init; }

    /// <summary>Version of the activity type.</summary>
    public int Version { get; init; } = 1;

    /// <summary>Palette category.</summary>
    public required string Category { get; init; }

    /// <summary>Name shown in the designer.</summary>
    public required string DisplayName { get; init; }

    /// <summary>What the activity does.</summary>
    public required string Description { get; init; }

    /// <summary>Action (runs in a flow) or Trigger (starts workflows).</summary>
    public ActivityKind Kind { get; init; }

    /// <summary>Inputs in display order.</summary>
    public IReadOnlyList<InputDescriptor> Inputs { get; init; } = [];

    /// <summary>Outputs.</summary>
    public IReadOnlyList<OutputDescriptor> Outputs { get; init; } = [];

    /// <summary>Outcomes (ports); the first is the default outcome.</summary>
    public IReadOnlyList<string> Outcomes { get; init; } = [OutcomesAttribute.Done];

    /// <summary>Whether outcome names come from the workflow (Switch cases) rather than from this list.</summary>
    public bool DynamicOutcomes { get; init; }

    /// <summary>Whether the activity takes a nested <c>body</c>.</summary>
    public bool HasBody { get; init; }

    /// <summary>Whether the activity ends its branch or the workflow.</summary>
    public bool IsTerminal { get; init; }

    /// <summary>Whether the runtime may re-run it after a crash.</summary>
    public bool SafeToRerun { get; init; } = true;

    /// <summary>Creates an instance of the activity; not serialised.</summary>
    [JsonIgnore]
    public Func<Activity>? Factory { get; init; }

    /// <summary>The CLR type implementing the activity; not serialised.</summary>
    [JsonIgnore]
    public Type? ClrType { get; init; }

    /// <summary>Finds an input by name (ordinal), or <c>null</c>.</summary>
    public InputDescriptor? FindInput(string name)
    {
        foreach (var input in Inputs)
        {
            if (string.Equals(input.Name, name, StringComparison.Ordinal))
            {
                return input;
            }
        }

        return null;
    }
}

/// <summary>What kind of activity type a descriptor describes.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ActivityKind>))]
public enum ActivityKind
{
    /// <summary>Runs as a step of a flow.</summary>
    Action,

    /// <summary>Declared in <c>triggers</c>; starts workflows.</summary>
    Trigger,
}
