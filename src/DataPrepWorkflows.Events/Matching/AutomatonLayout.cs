using System.Numerics;
using DataPrepWorkflows.Events.Patterns;

namespace DataPrepWorkflows.Events.Matching;

/// <summary>
/// Lays the built states out as <see cref="AutomatonCode"/>: depth-first from the root, so an event's walk reads
/// mostly adjacent memory, with key strings pooled in one character array and equal matchers shared.
/// </summary>
internal static class AutomatonLayout
{
    /// <param name="states">Build-time states by id; the root is id 0.</param>
    public static AutomatonCode Build(IReadOnlyList<NameState> states)
    {
        // States that only complete one rule are never visited: their incoming transitions store ~rule instead.
        var order = new List<NameState>();
        var seen = new bool[states.Count];
        var pending = new Stack<NameState>();
        pending.Push(states[0]);
        while (pending.Count > 0)
        {
            var state = pending.Pop();
            if (seen[state.Id])
            {
                continue;
            }

            seen[state.Id] = true;
            if (state.Id == 0 || !state.CompletesOnlyOneRule)
            {
                order.Add(state);
            }

            foreach (var next in state.Next)
            {
                pending.Push(next);
            }
        }

        var lowered = order.Select(s => s.Fields.Select(f => f.Lower()).ToArray()).ToArray();
        var offsets = new int[states.Count];
        var size = 0;
        for (var i = 0; i < order.Count; i++)
        {
            offsets[order[i].Id] = size;
            size += IsSingleTest(order[i], lowered[i]) ? AutomatonCode.SingleTestStateSize : 3 + order[i].Terminals.Length + lowered[i].Sum(FieldSize);
        }

        var context = new FreezeContext(target =>
            target != 0 && states[target].CompletesOnlyOneRule ? ~states[target].Terminals[0] : offsets[target]);
        var emitter = new Emitter(context, size);
        for (var i = 0; i < order.Count; i++)
        {
            emitter.State(order[i], lowered[i]);
        }

        return emitter.Finish();
    }

    /// <summary>
    /// A state whose only way on is one exact string on one field (the <c>source</c> and <c>detail-type</c> every S3
    /// trigger names): stored compactly and tested without the general field walk.
    /// </summary>
    private static bool IsSingleTest(NameState state, LoweredField[] fields) =>
        state.Terminals.Length == 0 && fields is [{ Absent: [], AnyValue: [], Tests: [{ Relation: SmallStringIndex.Kind.Exact, IgnoreCase: false }], Ranges: [], Others: [], Wildcards: [], ExcludedPrefixes: [], Hashed: [], Rest: null }];

    private static int FieldSize(LoweredField field) =>
        2 + 1 + field.Absent.Length + 1 + field.AnyValue.Length + 1 + (4 * field.Tests.Length) + 1 + (6 * field.Ranges.Length)
        + 1 + (2 * field.Others.Length) + PiecesSize(field.Wildcards) + PiecesSize(field.ExcludedPrefixes) + 3 + (4 * SlotCount(field.Hashed.Length)) + 1;

    private static int PiecesSize((IReadOnlyList<string> Pieces, int Target)[] entries) => 1 + entries.Sum(e => 2 + (2 * e.Pieces.Count));

    /// <summary>At most half full, so a miss usually stops at the first empty slot.</summary>
    private static int SlotCount(int entries) => entries == 0 ? 0 : (int)BitOperations.RoundUpToPowerOf2((uint)(entries * 2));

    private sealed class Emitter(FreezeContext context, int size)
    {
        private readonly List<int> _code = new(size);
        private readonly List<char> _chars = [];
        private readonly Dictionary<string, int> _keyStarts = new(StringComparer.Ordinal);
        private readonly List<ValueMatcher> _matchers = [];
        private readonly Dictionary<ValueMatcher, int> _matcherIndexes = new(ReferenceEqualityComparer.Instance);
        private readonly List<FieldTransitions> _rest = [];

        public void State(NameState state, LoweredField[] fields)
        {
            if (IsSingleTest(state, fields))
            {
                var test = fields[0].Tests[0];
                _code.AddRange([state.Id, 0, AutomatonCode.SingleTest, fields[0].PathId, KeyStart(test.Key), test.Key.Length, context.Remap(test.Target)]);
                return;
            }

            _code.Add(state.Id);
            _code.Add(state.Terminals.Length);
            _code.AddRange(state.Terminals);
            _code.Add(fields.Length);
            foreach (var field in fields)
            {
                Field(field);
            }
        }

        public AutomatonCode Finish()
        {
            if (_code.Count != size)
            {
                throw new InvalidOperationException($"Automaton layout size mismatch: planned {size}, wrote {_code.Count}.");
            }

            return new AutomatonCode([.. _code], [.. _chars], [.. _matchers], [.. _rest]);
        }

        private void Field(LoweredField field)
        {
            var start = _code.Count;
            _code.Add(field.PathId);
            _code.Add(FieldSize(field));
            Targets(field.Absent);
            Targets(field.AnyValue);
            _code.Add(field.Tests.Length);
            foreach (var test in field.Tests)
            {
                _code.Add((int)test.Relation | (test.IgnoreCase ? AutomatonCode.IgnoreCase : 0));
                _code.Add(KeyStart(test.Key));
                _code.Add(test.Key.Length);
                _code.Add(context.Remap(test.Target));
            }

            _code.Add(field.Ranges.Length);
            foreach (var (range, target) in field.Ranges)
            {
                _code.Add(AutomatonCode.Low(range.Low));
                _code.Add(AutomatonCode.High(range.Low));
                _code.Add(AutomatonCode.Low(range.High));
                _code.Add(AutomatonCode.High(range.High));
                _code.Add((range.LowOpen ? AutomatonCode.LowOpen : 0) | (range.HighOpen ? AutomatonCode.HighOpen : 0));
                _code.Add(context.Remap(target));
            }

            _code.Add(field.Others.Length);
            foreach (var (matcher, target) in field.Others)
            {
                _code.Add(MatcherIndex(context.Share(matcher)));
                _code.Add(context.Remap(target));
            }

            Pieces(field.Wildcards);
            Pieces(field.ExcludedPrefixes);
            Hashed(field.Hashed);
            if (field.Rest is null)
            {
                _code.Add(-1);
            }
            else
            {
                _code.Add(_rest.Count);
                _rest.Add(field.Rest.Freeze(context));
            }

            if (_code.Count - start != FieldSize(field))
            {
                throw new InvalidOperationException("Automaton field block size mismatch.");
            }
        }

        private void Pieces((IReadOnlyList<string> Pieces, int Target)[] entries)
        {
            _code.Add(entries.Length);
            foreach (var (pieces, target) in entries)
            {
                _code.Add(context.Remap(target));
                _code.Add(pieces.Count);
                foreach (var piece in pieces)
                {
                    _code.Add(KeyStart(piece));
                    _code.Add(piece.Length);
                }
            }
        }

        private void Hashed((string Key, int Target)[] entries)
        {
            var slots = SlotCount(entries.Length);
            _code.Add(slots);
            _code.Add(entries.Length == 0 ? 0 : entries.Min(e => e.Key.Length));
            _code.Add(entries.Length == 0 ? 0 : entries.Max(e => e.Key.Length));
            var table = _code.Count;
            for (var i = 0; i < slots; i++)
            {
                _code.AddRange([0, 0, -1, 0]);
            }

            foreach (var (key, target) in entries)
            {
                var hash = AutomatonCode.Hash(key);
                var slot = hash & (slots - 1);
                while (_code[table + (4 * slot) + 2] >= 0)
                {
                    slot = (slot + 1) & (slots - 1);
                }

                var at = table + (4 * slot);
                _code[at] = hash;
                _code[at + 1] = KeyStart(key);
                _code[at + 2] = key.Length;
                _code[at + 3] = context.Remap(target);
            }
        }

        private void Targets(int[] targets)
        {
            _code.Add(targets.Length);
            foreach (var target in targets)
            {
                _code.Add(context.Remap(target));
            }
        }

        private int KeyStart(string key)
        {
            if (!_keyStarts.TryGetValue(key, out var start))
            {
                _keyStarts[key] = start = _chars.Count;
                _chars.AddRange(key);
            }

            return start;
        }

        private int MatcherIndex(ValueMatcher matcher)
        {
            if (!_matcherIndexes.TryGetValue(matcher, out var index))
            {
                _matcherIndexes[matcher] = index = _matchers.Count;
                _matchers.Add(matcher);
            }

            return index;
        }
    }
}
