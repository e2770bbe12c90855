using System.Globalization;
using System.Text;

namespace DataPrepWorkflows.Events.Patterns;

/// <summary>
/// A streaming JSON reader over a pattern that reports positions the way EventBridge does. EventBridge compiles
/// patterns with a Jackson streaming parser and appends that parser's current location to every rejection
/// (<c>\n at [Source: (String)"…"; line: 1, column: 11]</c>), so the exact column depends on how far the parser had
/// read: after a field name it has already consumed the value's first token (a whole number or literal, an opening
/// bracket, or only the opening quote of a string). This reader consumes input in the same steps.
/// </summary>
internal sealed class PatternReader
{
    private const int MaxSourceSnippet = 500;
    private readonly string _source;
    private readonly Stack<Context> _contexts = new();
    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private PatternToken _pending;
    private bool _stringIncomplete;
    private string? _text;

    public PatternReader(string source) => _source = source;

    /// <summary>The token the reader is on.</summary>
    public PatternToken Current { get; private set; }

    /// <summary>The current field name (valid on <see cref="PatternToken.FieldName"/>).</summary>
    public string Name { get; private set; } = string.Empty;

    /// <summary>The text of the current scalar token; reading a string's text consumes the rest of the string.</summary>
    public string Text
    {
        get
        {
            if (_stringIncomplete)
            {
                _text = ReadStringBody();
                _stringIncomplete = false;
            }

            return Current switch
            {
                PatternToken.String or PatternToken.NumberInt or PatternToken.NumberFloat => _text ?? string.Empty,
                PatternToken.True => "true",
                PatternToken.False => "false",
                PatternToken.Null => "null",
                PatternToken.FieldName => Name,
                PatternToken.StartObject => "{",
                PatternToken.EndObject => "}",
                PatternToken.StartArray => "[",
                PatternToken.EndArray => "]",
                _ => string.Empty,
            };
        }
    }

    /// <summary>Advances to the next token.</summary>
    public PatternToken Next()
    {
        // A value read ahead after a field name is handed out as is: if it is a string, only its opening quote
        // has been consumed so far.
        if (_pending != PatternToken.None)
        {
            Current = _pending;
            _pending = PatternToken.None;
            return Current;
        }

        if (_stringIncomplete)
        {
            _text = ReadStringBody();
            _stringIncomplete = false;
        }

        SkipWhitespace();
        if (_contexts.Count == 0)
        {
            if (_pos >= _source.Length)
            {
                return Current = PatternToken.None;
            }

            return Current = ReadValue();
        }

        var context = _contexts.Peek();
        if (_pos >= _source.Length)
        {
            throw EndOfInput($"expected close marker for {(context.IsObject ? "Object" : "Array")} (start marker at {Location(context.Line, context.Column)})");
        }

        var c = _source[_pos];
        var close = context.IsObject ? '}' : ']';
        if (c == close)
        {
            _pos++;
            _contexts.Pop();
            return Current = context.IsObject ? PatternToken.EndObject : PatternToken.EndArray;
        }

        if (context.HasElements)
        {
            if (c != ',')
            {
                throw Fail($"Unexpected character ({Describe(c)}): was expecting comma to separate {(context.IsObject ? "Object" : "Array")} entries");
            }

            _pos++;
            SkipWhitespace();
            if (_pos >= _source.Length)
            {
                throw EndOfInput($"expected close marker for {(context.IsObject ? "Object" : "Array")} (start marker at {Location(context.Line, context.Column)})");
            }

            c = _source[_pos];
        }

        context.HasElements = true;
        if (!context.IsObject)
        {
            return Current = ReadValue();
        }

        if (c != '"')
        {
            throw Fail($"Unexpected character ({Describe(c)}): was expecting double-quote to start field name");
        }

        _pos++;
        Name = ReadStringBody();
        SkipWhitespace();
        if (_pos >= _source.Length)
        {
            throw EndOfInput("was expecting a colon to separate field name and value");
        }

        if (_source[_pos] != ':')
        {
            var bad = _source[_pos];
            throw Fail($"Unexpected character ({Describe(bad)}): was expecting a colon to separate field name and value");
        }

        _pos++;
        SkipWhitespace();
        _pending = ReadValue();
        return Current = PatternToken.FieldName;
    }

    /// <summary>A rejection located where the reader is now, as EventBridge words it.</summary>
    public PatternSyntaxException Fail(string reason) => new(Located(reason));

    /// <summary>The reason followed by the current location.</summary>
    public string Located(string reason) => reason + "\n at " + Location(_line, _pos - _lineStart + 1);

    private PatternSyntaxException EndOfInput(string detail) => Fail("Unexpected end-of-input: " + detail);

    private string Location(int line, int column)
    {
        var snippet = _source.Length > MaxSourceSnippet
            ? "\"" + _source[..MaxSourceSnippet] + "\"[truncated " + (_source.Length - MaxSourceSnippet).ToString(CultureInfo.InvariantCulture) + " chars]"
            : "\"" + _source + "\"";
        return $"[Source: (String){snippet}; line: {line.ToString(CultureInfo.InvariantCulture)}, column: {column.ToString(CultureInfo.InvariantCulture)}]";
    }

    private PatternToken ReadValue()
    {
        if (_pos >= _source.Length)
        {
            throw EndOfInput("expected a value");
        }

        var c = _source[_pos];
        switch (c)
        {
            case '{':
                _contexts.Push(new Context(true, _line, _pos - _lineStart + 1));
                _pos++;
                return PatternToken.StartObject;
            case '[':
                _contexts.Push(new Context(false, _line, _pos - _lineStart + 1));
                _pos++;
                return PatternToken.StartArray;
            case '"':
                _pos++;
                _stringIncomplete = true;
                return PatternToken.String;
            case '-':
            case >= '0' and <= '9':
                return ReadNumber();
            default:
                if (char.IsLetter(c) || c == '_' || c == '$')
                {
                    return ReadLiteral();
                }

                throw Fail($"Unexpected character ({Describe(c)}): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
        }
    }

    private PatternToken ReadLiteral()
    {
        var start = _pos;
        while (_pos < _source.Length && (char.IsLetterOrDigit(_source[_pos]) || _source[_pos] is '_' or '$'))
        {
            _pos++;
        }

        var word = _source[start.._pos];
        return word switch
        {
            "true" => PatternToken.True,
            "false" => PatternToken.False,
            "null" => PatternToken.Null,
            _ => throw Fail($"Unrecognized token '{word}': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"),
        };
    }

    private PatternToken ReadNumber()
    {
        var start = _pos;
        var isFloat = false;
        if (_source[_pos] == '-')
        {
            _pos++;
        }

        var digitsStart = _pos;
        while (_pos < _source.Length && char.IsAsciiDigit(_source[_pos]))
        {
            _pos++;
        }

        if (_pos == digitsStart)
        {
            var bad = _pos < _source.Length ? _source[_pos] : ' ';
            throw Fail($"Unexpected character ({Describe(bad)}) in numeric value: expected digit (0-9) to follow minus sign, for valid numeric value");
        }

        if (_pos - digitsStart > 1 && _source[digitsStart] == '0')
        {
            throw Fail("Invalid numeric value: Leading zeroes not allowed");
        }

        if (_pos < _source.Length && _source[_pos] == '.')
        {
            isFloat = true;
            _pos++;
            var fractionStart = _pos;
            while (_pos < _source.Length && char.IsAsciiDigit(_source[_pos]))
            {
                _pos++;
            }

            if (_pos == fractionStart)
            {
                var bad = _pos < _source.Length ? _source[_pos] : ' ';
                throw Fail($"Unexpected character ({Describe(bad)}) in numeric value: Decimal point not followed by a digit");
            }
        }

        if (_pos < _source.Length && _source[_pos] is 'e' or 'E')
        {
            isFloat = true;
            _pos++;
            if (_pos < _source.Length && _source[_pos] is '+' or '-')
            {
                _pos++;
            }

            var exponentStart = _pos;
            while (_pos < _source.Length && char.IsAsciiDigit(_source[_pos]))
            {
                _pos++;
            }

            if (_pos == exponentStart)
            {
                var bad = _pos < _source.Length ? _source[_pos] : ' ';
                throw Fail($"Unexpected character ({Describe(bad)}) in numeric value: Exponent indicator not followed by a digit");
            }
        }

        _text = _source[start.._pos];
        return isFloat ? PatternToken.NumberFloat : PatternToken.NumberInt;
    }

    private string ReadStringBody()
    {
        var builder = new StringBuilder();
        while (true)
        {
            if (_pos >= _source.Length)
            {
                throw EndOfInput("was expecting closing quote for a string value");
            }

            var c = _source[_pos++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c < ' ')
            {
                throw Fail($"Illegal unquoted character ({Describe(c)}): has to be escaped using backslash to be included in string value");
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (_pos >= _source.Length)
            {
                throw EndOfInput("was expecting closing quote for a string value");
            }

            var escaped = _source[_pos++];
            switch (escaped)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_pos + 4 > _source.Length
                        || !int.TryParse(_source.AsSpan(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw Fail("Unexpected character in escape sequence: expected a hex-digit for character escape sequence");
                    }

                    _pos += 4;
                    builder.Append((char)code);
                    break;
                default:
                    throw Fail($"Unrecognized character escape {Describe(escaped)}");
            }
        }
    }

    private void SkipWhitespace()
    {
        while (_pos < _source.Length)
        {
            var c = _source[_pos];
            if (c == '\n' || (c == '\r' && (_pos + 1 >= _source.Length || _source[_pos + 1] != '\n')))
            {
                _pos++;
                _line++;
                _lineStart = _pos;
            }
            else if (c is ' ' or '\t' or '\r')
            {
                _pos++;
            }
            else
            {
                return;
            }
        }
    }

    private static string Describe(char c)
    {
        var code = ((int)c).ToString(CultureInfo.InvariantCulture);
        if (char.IsControl(c))
        {
            return $"(CTRL-CHAR, code {code})";
        }

        return c > 255
            ? $"'{c}' (code {code} / 0x{((int)c).ToString("x", CultureInfo.InvariantCulture)})"
            : $"'{c}' (code {code})";
    }

    private sealed class Context(bool isObject, int line, int column)
    {
        public bool IsObject { get; } = isObject;

        public int Line { get; } = line;

        public int Column { get; } = column;

        public bool HasElements { get; set; }
    }
}
