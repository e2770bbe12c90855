using System.Globalization;
using DataPrepWorkflows.Events.Matching;

namespace DataPrepWorkflows.Events.Patterns;

/// <summary>
/// The <c>anything-but</c> family. Each matches any present value that is not excluded: a value of another type than
/// the excluded ones (a number against excluded strings, a null) is never excluded. A missing field matches none.
/// </summary>
internal sealed record AnythingButStringsMatcher(IReadOnlySet<string> Values) : ValueMatcher
{
    public override string Key => "!s:" + string.Join('\u0001', Values.Order(StringComparer.Ordinal));

    public override bool Matches(in EventValue value) => value.Kind != EventValueKind.String || !Values.Contains(value.Text);
}

internal sealed record AnythingButNumbersMatcher(IReadOnlySet<long> Values) : ValueMatcher
{
    public override string Key => "!n:" + string.Join(',', Values.Order().Select(v => v.ToString(CultureInfo.InvariantCulture)));

    public override bool Matches(in EventValue value) =>
        value.Kind != EventValueKind.Number || !value.IsComparable || !Values.Contains(value.Scaled);
}

internal sealed record AnythingButPrefixMatcher(IReadOnlyList<string> Values) : ValueMatcher
{
    public override string Key => "!p:" + string.Join('\u0001', Values.Order(StringComparer.Ordinal));

    public override bool Matches(in EventValue value)
    {
        if (value.Kind != EventValueKind.String)
        {
            return true;
        }

        // Indexing, not foreach: enumerating the interface would allocate an enumerator per event.
        for (var i = 0; i < Values.Count; i++)
        {
            var prefix = Values[i];
            if (value.Text.StartsWith(prefix, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}

internal sealed record AnythingButSuffixMatcher(IReadOnlyList<string> Values) : ValueMatcher
{
    public override string Key => "!x:" + string.Join('\u0001', Values.Order(StringComparer.Ordinal));

    public override bool Matches(in EventValue value)
    {
        if (value.Kind != EventValueKind.String)
        {
            return true;
        }

        // Indexing, not foreach: enumerating the interface would allocate an enumerator per event.
        for (var i = 0; i < Values.Count; i++)
        {
            var suffix = Values[i];
            if (value.Text.EndsWith(suffix, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}

internal sealed record AnythingButIgnoreCaseMatcher(IReadOnlySet<string> Values) : ValueMatcher
{
    public override string Key => "!i:" + string.Join('\u0001', Values.Order(StringComparer.OrdinalIgnoreCase));

    public override bool Matches(in EventValue value) => value.Kind != EventValueKind.String || !Values.Contains(value.Text);
}

internal sealed record AnythingButWildcardMatcher(IReadOnlyList<WildcardPattern> Patterns) : ValueMatcher
{
    public override string Key => "!w:" + string.Join('\u0001', Patterns.Select(p => p.Source).Order(StringComparer.Ordinal));

    public override bool Matches(in EventValue value)
    {
        if (value.Kind != EventValueKind.String)
        {
            return true;
        }

        for (var i = 0; i < Patterns.Count; i++)
        {
            if (Patterns[i].IsMatch(value.Text))
            {
                return false;
            }
        }

        return true;
    }
}
