using System.Globalization;
using DataPrepWorkflows.Events.Matching;

namespace DataPrepWorkflows.Events.Patterns;

/// <summary>
/// One element of a pattern's value list. <see cref="Key"/> identifies the matcher canonically so equal conditions of
/// different rules share automaton states; <see cref="Matches"/> is the reference semantics the indexes reproduce.
/// </summary>
internal abstract record ValueMatcher
{
    public abstract string Key { get; }

    public abstract bool Matches(in EventValue value);
}

internal sealed record ExactStringMatcher(string Value) : ValueMatcher
{
    public override string Key => "s:" + Value;

    public override bool Matches(in EventValue value) => value.Kind == EventValueKind.String && value.Text == Value;
}

/// <summary>A number in a value list: matches the same literal text, or an equal number when both are comparable.</summary>
internal sealed record ExactNumberMatcher(string Text, bool IsComparable, long Scaled) : ValueMatcher
{
    public override string Key => "n:" + Text;

    public override bool Matches(in EventValue value) =>
        value.Kind == EventValueKind.Number
        && (IsComparable && value.IsComparable ? value.Scaled == Scaled : value.Text == Text);
}

internal sealed record LiteralMatcher(EventValueKind Kind) : ValueMatcher
{
    public override string Key => "l:" + Kind.ToString();

    public override bool Matches(in EventValue value) => value.Kind == Kind;
}

internal sealed record PrefixMatcher(string Value, bool IgnoreCase) : ValueMatcher
{
    public override string Key => (IgnoreCase ? "pi:" : "p:") + Value;

    public override bool Matches(in EventValue value) =>
        value.Kind == EventValueKind.String
        && value.Text.StartsWith(Value, IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}

internal sealed record SuffixMatcher(string Value, bool IgnoreCase) : ValueMatcher
{
    public override string Key => (IgnoreCase ? "xi:" : "x:") + Value;

    public override bool Matches(in EventValue value) =>
        value.Kind == EventValueKind.String
        && value.Text.EndsWith(Value, IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}

internal sealed record EqualsIgnoreCaseMatcher(string Value) : ValueMatcher
{
    public override string Key => "ei:" + Value;

    public override bool Matches(in EventValue value) =>
        value.Kind == EventValueKind.String && string.Equals(value.Text, Value, StringComparison.OrdinalIgnoreCase);
}

internal sealed record WildcardMatcher(WildcardPattern Pattern) : ValueMatcher
{
    public override string Key => "w:" + Pattern.Source;

    public override bool Matches(in EventValue value) => value.Kind == EventValueKind.String && Pattern.IsMatch(value.Text);
}

/// <summary>A numeric interval in millionths; <c>=</c> is the closed interval [x, x].</summary>
internal sealed record NumericRangeMatcher(long Low, bool LowOpen, long High, bool HighOpen) : ValueMatcher
{
    public override string Key => string.Create(CultureInfo.InvariantCulture, $"r:{(LowOpen ? '(' : '[')}{Low},{High}{(HighOpen ? ')' : ']')}");

    public override bool Matches(in EventValue value) =>
        value.Kind == EventValueKind.Number && value.IsComparable
        && (LowOpen ? value.Scaled > Low : value.Scaled >= Low)
        && (HighOpen ? value.Scaled < High : value.Scaled <= High);
}

internal sealed record CidrMatcher(CidrRange Range) : ValueMatcher
{
    public override string Key => string.Create(CultureInfo.InvariantCulture, $"c:{Range.IsV6}:{Range.Low}-{Range.High}");

    public override bool Matches(in EventValue value) => value.Kind == EventValueKind.String && Range.Contains(value.Text);
}

internal sealed record ExistsMatcher(bool Exists) : ValueMatcher
{
    public override string Key => Exists ? "e:1" : "e:0";

    /// <summary>Present values satisfy <c>exists: true</c>; <c>exists: false</c> is decided by absence, not by a value.</summary>
    public override bool Matches(in EventValue value) => Exists;
}
