using System.Text.Json;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Engine.Control;

/// <summary>Chooses branches by named cases.</summary>
[Activity("Switch", Category = "Control", DynamicOutcomes = true,
    Description = "Follows the first (or every) case whose condition holds, or Default when none does.")]
[Outcomes("Default")]
public sealed class Switch : CodeActivity
{
    /// <summary>The default outcome, followed when no case holds.</summary>
    public const string Default = "Default";

    /// <summary>Ordered cases: case name (an outcome) → condition.</summary>
    [Input(Description = "Ordered cases: case name (an outcome) → condition (usually an expression).", Required = true)]
    public JsonObject? Cases { get; set; }

    /// <summary>Whether the first holding case is followed, or every one.</summary>
    [Input(Description = "MatchFirst follows the first case that holds; MatchAny follows every case that holds.", DefaultJson = "\"MatchFirst\"")]
    public SwitchMode Mode { get; set; } = SwitchMode.MatchFirst;

    /// <inheritdoc />
    protected internal override ValueTask ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var matched = new List<string>();
        foreach (var (name, condition) in Cases ?? [])
        {
            if (IsTrue(condition))
            {
                matched.Add(name);
                if (Mode == SwitchMode.MatchFirst)
                {
                    break;
                }
            }
        }

        context.SetOutcome(matched.Count > 0 ? [.. matched] : [Default]);
        return ValueTask.CompletedTask;
    }

    private static bool IsTrue(JsonNode? condition) => condition switch
    {
        null => false,
        JsonValue v when v.GetValueKind() == JsonValueKind.True => true,
        JsonValue v when v.GetValueKind() == JsonValueKind.False => false,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => bool.TryParse(v.GetValue<string>(), out var b)
            ? b
            : throw new ActivityFaultException(ActivityError.InputError, $"A Switch case condition is the string \"{v.GetValue<string>()}\"; use an expression such as \"=inputs.mode == 'fast'\"."),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => double.Parse(v.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture) != 0,
        _ => true,
    };
}

/// <summary>How Switch picks cases.</summary>
public enum SwitchMode
{
    /// <summary>Follow the first case that holds.</summary>
    MatchFirst,

    /// <summary>Follow every case that holds (in parallel).</summary>
    MatchAny,
}
