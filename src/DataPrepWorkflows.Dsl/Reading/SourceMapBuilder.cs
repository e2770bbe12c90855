using System.Globalization;
using System.Text;
using System.Text.Json;
using DataPrepWorkflows.Dsl.Diagnostics;
using DataPrepWorkflows.Engine.Expressions;

namespace DataPrepWorkflows.Dsl.Reading;

/// <summary>
/// Walks UTF-8 JSON with <see cref="Utf8JsonReader"/>, recording the line and column of every value under its JSON
/// pointer, and reports malformed JSON and duplicate properties as diagnostics instead of throwing.
/// </summary>
internal sealed class SourceMapBuilder
{
    private readonly byte[] _utf8;
    private readonly int[] _lineStarts;
    private readonly Dictionary<string, SourcePosition> _positions = new(StringComparer.Ordinal);
    private readonly List<Diagnostic> _diagnostics = [];

    private SourceMapBuilder(byte[] utf8)
    {
        _utf8 = utf8;
        var starts = new List<int> { 0 };
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = [.. starts];
    }

    /// <summary>Builds the map; diagnostics are DPW001 (malformed JSON) or DPW022 (duplicate property).</summary>
    public static (SourceMap Map, IReadOnlyList<Diagnostic> Diagnostics) Build(byte[] utf8)
    {
        var builder = new SourceMapBuilder(utf8);
        builder.Walk();
        return (new SourceMap(builder._positions), builder._diagnostics);
    }

    private void Walk()
    {
        var reader = new Utf8JsonReader(_utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        var frames = new Stack<Frame>();
        (int Line, int Column)? pendingKey = null;
        try
        {
            while (reader.Read())
            {
                var offset = (int)reader.TokenStartIndex;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var frame = frames.Peek();
                        var name = reader.GetString()!;
                        frame.Property = name;
                        pendingKey = Position(offset);
                        if (!frame.Names!.Add(name))
                        {
                            var (line, column) = pendingKey.Value;
                            _diagnostics.Add(new Diagnostic(
                                DiagnosticSeverity.Error,
                                DiagnosticCodes.DuplicateProperty,
                                $"Property '{name}' appears twice in the same object; keep one of them.",
                                Pointer(frames),
                                line,
                                column));
                        }

                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.Pop();
                        break;
                    default:
                        Record(frames, offset, pendingKey);
                        pendingKey = null;
                        if (reader.TokenType == JsonTokenType.StartObject)
                        {
                            frames.Push(new Frame { Names = new HashSet<string>(StringComparer.Ordinal) });
                        }
                        else if (reader.TokenType == JsonTokenType.StartArray)
                        {
                            frames.Push(new Frame { Index = -1 });
                        }

                        break;
                }
            }

            if (_positions.Count == 0)
            {
                _diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.MalformedJson, "The file is empty; a workflow file holds one JSON object.", "", 1, 1));
            }
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0);
            var column = Column(line, (int)(ex.BytePositionInLine ?? 0));
            _diagnostics.Add(new Diagnostic(
                DiagnosticSeverity.Error,
                DiagnosticCodes.MalformedJson,
                $"The file is not valid JSON: {Describe(ex.Message)} Fix the JSON syntax at this position.",
                "",
                line + 1,
                column));
        }
    }

    private void Record(Stack<Frame> frames, int offset, (int Line, int Column)? key)
    {
        if (frames.TryPeek(out var parent) && parent.Names is null)
        {
            parent.Index++;
        }

        var (line, column) = Position(offset);
        var (keyLine, keyColumn) = key ?? (line, column);
        _positions[Pointer(frames)] = new SourcePosition(keyLine, keyColumn, line, column);
    }

    private static string Pointer(Stack<Frame> frames)
    {
        if (frames.Count == 0)
        {
            return "";
        }

        var builder = new StringBuilder();
        foreach (var frame in frames.Reverse())
        {
            builder.Append('/');
            builder.Append(frame.Names is null
                ? frame.Index.ToString(CultureInfo.InvariantCulture)
                : ValueSyntax.EscapePointerSegment(frame.Property ?? ""));
        }

        return builder.ToString();
    }

    private (int Line, int Column) Position(int offset)
    {
        var index = Array.BinarySearch(_lineStarts, offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, Column(line, offset - _lineStarts[line]));
    }

    // Columns count characters, not bytes, so they match what an editor shows.
    private int Column(int zeroBasedLine, int bytesIntoLine)
    {
        if (zeroBasedLine >= _lineStarts.Length)
        {
            return 1;
        }

        var start = _lineStarts[zeroBasedLine];
        var length = Math.Clamp(bytesIntoLine, 0, _utf8.Length - start);
        return Encoding.UTF8.GetCharCount(_utf8, start, length) + 1;
    }

    private static string Describe(string message)
    {
        // System.Text.Json appends "LineNumber: x | BytePositionInLine: y."; the diagnostic carries the position.
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = (cut > 0 ? message[..cut] : message).Trim()
            .Replace(" Change the reader options.", "", StringComparison.Ordinal);
        return text.EndsWith('.') ? text : text + ".";
    }

    private sealed class Frame
    {
        public HashSet<string>? Names { get; init; }

        public string? Property { get; set; }

        public int Index { get; set; }
    }
}
