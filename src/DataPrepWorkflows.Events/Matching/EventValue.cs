using System.Globalization;
using DataPrepWorkflows.Events.Patterns;

namespace DataPrepWorkflows.Events.Matching;

/// <summary>The JSON kind of an event leaf value.</summary>
internal enum EventValueKind : byte
{
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>
/// One leaf value of an event at a path a rule mentions: strings unescaped, numbers as their literal text plus, when
/// EventBridge can compare them, their value in millionths. A plain integer's text is not kept (pass null): it is
/// written again from the value on the rare occasions a rule compares number texts, so reading an event's sizes and
/// counts allocates nothing.
/// </summary>
internal readonly struct EventValue(EventValueKind kind, string? text, bool isComparable, long scaled, ArrayMembership? membership)
{
    private readonly string? _text = text;

    public EventValueKind Kind { get; } = kind;

    public string Text => _text ?? (Scaled / ComparableNumber.Millionths).ToString(CultureInfo.InvariantCulture);

    public bool IsComparable { get; } = isComparable;

    public long Scaled { get; } = scaled;

    /// <summary>Which element of which array (of objects) the value sits in; null outside such arrays.</summary>
    public ArrayMembership? Membership { get; } = membership;
}
