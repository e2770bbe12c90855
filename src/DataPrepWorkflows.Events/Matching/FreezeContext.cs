using DataPrepWorkflows.Events.Patterns;

namespace DataPrepWorkflows.Events.Matching;

/// <summary>
/// What the automaton needs when it turns its build-time states into match-time ones: how targets are stored (see
/// <see cref="FieldTransitions.Freeze"/>), and one shared instance per distinct matcher. Ten thousand rules typically
/// repeat a few hundred distinct conditions; sharing them keeps the memory a match reads small and warm.
/// </summary>
internal sealed class FreezeContext(Func<int, int> remap)
{
    private readonly Dictionary<string, ValueMatcher> _matchers = new(StringComparer.Ordinal);

    public int Remap(int target) => remap(target);

    public ValueMatcher Share(ValueMatcher matcher)
    {
        if (!_matchers.TryGetValue(matcher.Key, out var shared))
        {
            _matchers[matcher.Key] = shared = matcher;
        }

        return shared;
    }
}
