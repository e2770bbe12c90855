using DataPrepWorkflows.Events.Patterns;

namespace DataPrepWorkflows.Events.Matching;

/// <summary>
/// One field's ways out of a state, split for the flat layout (<see cref="AutomatonCode"/>): the parts that are
/// stored inline in the state's block — presence targets, a few direct string tests, numeric ranges, wildcards and
/// anything-but prefixes (their strings pooled), references to other shared matchers and an open-addressing table of many exact strings (<see cref="Hashed"/>) — and the remaining
/// indexes (<see cref="Rest"/>: prefixes, suffixes or ignore-case keys by the many, numbers, literals) kept as an
/// object. Targets are build-time state ids.
/// </summary>
internal sealed record LoweredField(
    int PathId,
    int[] Absent,
    int[] AnyValue,
    LoweredStringTest[] Tests,
    (NumericRangeMatcher Range, int Target)[] Ranges,
    (ValueMatcher Matcher, int Target)[] Others,
    (IReadOnlyList<string> Pieces, int Target)[] Wildcards,
    (IReadOnlyList<string> Prefixes, int Target)[] ExcludedPrefixes,
    (string Key, int Target)[] Hashed,
    FieldTransitions? Rest);

/// <summary>A direct string comparison leading to one state.</summary>
internal readonly record struct LoweredStringTest(SmallStringIndex.Kind Relation, bool IgnoreCase, string Key, int Target);
