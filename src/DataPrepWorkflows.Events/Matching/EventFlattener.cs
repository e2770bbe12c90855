using System.Buffers;
using System.Text;
using System.Text.Json;
using DataPrepWorkflows.Events.Patterns;

namespace DataPrepWorkflows.Events.Matching;

/// <summary>
/// Reads an event once with <see cref="Utf8JsonReader"/> and collects the leaf values at the paths rules mention,
/// grouped by path id. Array elements that are objects or arrays are tagged with their position so matching can stay
/// array-consistent; elements of an array of scalars all land on the same path and need no tag.
/// </summary>
internal static class EventFlattener
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 256 };

    /// <summary>Fills <paramref name="scratch"/>'s per-path value lists; throws <see cref="JsonException"/> on bad JSON.</summary>
    public static void Flatten(ReadOnlySpan<byte> utf8Json, PathTrie paths, MatchScratch scratch)
    {
        var reader = new Utf8JsonReader(utf8Json, Options);
        if (!reader.Read())
        {
            return;
        }

        var arrayCounter = 0;
        ReadValue(ref reader, paths.Root, null, scratch, ref arrayCounter);
    }

    private static void ReadObject(ref Utf8JsonReader reader, PathNode node, ArrayMembership? membership, MatchScratch scratch, ref int arrayCounter)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var child = node.Find(ref reader);
            reader.Read();
            if (child is null)
            {
                reader.Skip();
                continue;
            }

            ReadValue(ref reader, child, membership, scratch, ref arrayCounter);
        }
    }

    /// <summary>
    /// A plain integer (the usual size or count) is scaled straight from its bytes and keeps no text; "-0" and
    /// anything with a fraction or exponent keep their literal text.
    /// </summary>
    private static EventValue ReadNumber(ref Utf8JsonReader reader, ArrayMembership? membership)
    {
        if (!reader.HasValueSequence && reader.ValueSpan is var bytes && ComparableNumber.TryScaleInteger(bytes, out var scaled)
            && !(scaled == 0 && bytes[0] == (byte)'-'))
        {
            return new EventValue(EventValueKind.Number, null, true, scaled, membership);
        }

        var text = Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
        var comparable = ComparableNumber.TryScale(text, out scaled, out _);
        return new EventValue(EventValueKind.Number, text, comparable, comparable ? scaled : 0, membership);
    }

    private static void ReadValue(ref Utf8JsonReader reader, PathNode node, ArrayMembership? membership, MatchScratch scratch, ref int arrayCounter)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                if (node.HasChildren)
                {
                    ReadObject(ref reader, node, membership, scratch, ref arrayCounter);
                }
                else
                {
                    reader.Skip();
                }

                break;
            case JsonTokenType.StartArray:
                var arrayId = ++arrayCounter;
                var index = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var element = reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray
                        ? ArrayMembership.Extend(membership, arrayId, index)
                        : membership;
                    ReadValue(ref reader, node, element, scratch, ref arrayCounter);
                    index++;
                }

                break;
            case JsonTokenType.String when node.PathId >= 0:
                scratch.Add(node.PathId, new EventValue(EventValueKind.String, reader.GetString()!, false, 0, membership));
                break;
            case JsonTokenType.Number when node.PathId >= 0:
                scratch.Add(node.PathId, ReadNumber(ref reader, membership));
                break;
            case JsonTokenType.True when node.PathId >= 0:
                scratch.Add(node.PathId, new EventValue(EventValueKind.True, "true", false, 0, membership));
                break;
            case JsonTokenType.False when node.PathId >= 0:
                scratch.Add(node.PathId, new EventValue(EventValueKind.False, "false", false, 0, membership));
                break;
            case JsonTokenType.Null when node.PathId >= 0:
                scratch.Add(node.PathId, new EventValue(EventValueKind.Null, "null", false, 0, membership));
                break;
        }
    }
}
