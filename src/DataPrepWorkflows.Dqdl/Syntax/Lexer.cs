using System.Text.RegularExpressions;

namespace DataPrepWorkflows.Dqdl.Syntax;

/// <summary>
/// Splits DQDL text into tokens the way the DQDL lexer grammar does: words are <c>[a-zA-Z0-9_.]+</c> (all digits is
/// an integer, digits '.' digits a decimal), quoted strings keep their escapes (<c>\"</c> and <c>\\</c>), a quoted
/// string shaped like a date or a time is a date or time literal, <c>#</c> starts a comment to the end of the line.
/// </summary>
internal sealed partial class Lexer
{
    private readonly string _text;
    private readonly List<DqdlDiagnostic> _diagnostics;
    private int _index;
    private int _line = 1;
    private int _lineStart;

    private Lexer(string text, List<DqdlDiagnostic> diagnostics)
    {
        _text = text;
        _diagnostics = diagnostics;
    }

    public static IReadOnlyList<Token> Tokenize(string text, List<DqdlDiagnostic> diagnostics)
    {
        var lexer = new Lexer(text, diagnostics);
        var tokens = new List<Token>();
        while (true)
        {
            // A character the lexer cannot use was reported and skipped; keep going so the parser sees the rest.
            if (lexer.Next() is not { } token)
            {
                continue;
            }

            tokens.Add(token);
            if (token.Kind == TokenKind.End)
            {
                break;
            }
        }

        return tokens;
    }

    private SourcePosition Position => new(_line, _index - _lineStart + 1);

    private Token? Next()
    {
        SkipTrivia();
        var start = Position;
        if (_index >= _text.Length)
        {
            return new Token(TokenKind.End, string.Empty, start);
        }

        var c = _text[_index];
        if (IsWordChar(c))
        {
            return ReadWord(start);
        }

        if (c == '"')
        {
            return ReadQuoted(start);
        }

        var kind = c switch
        {
            '(' => TokenKind.LParen,
            ')' => TokenKind.RParen,
            '[' => TokenKind.LBracket,
            ']' => TokenKind.RBracket,
            '{' => TokenKind.LBrace,
            '}' => TokenKind.RBrace,
            ',' => TokenKind.Comma,
            ':' => TokenKind.Colon,
            '=' => TokenKind.Equal,
            '!' => TokenKind.Bang,
            '+' => TokenKind.Plus,
            '-' => TokenKind.Minus,
            '*' => TokenKind.Star,
            '/' => TokenKind.Slash,
            '$' => TokenKind.Dollar,
            '>' => Peek(1) == '=' ? TokenKind.GreaterEqual : TokenKind.Greater,
            '<' => Peek(1) == '=' ? TokenKind.LessEqual : TokenKind.Less,
            _ => (TokenKind?)null,
        };
        if (kind is null)
        {
            _diagnostics.Add(DqdlDiagnostic.At(
                start,
                DqdlDiagnosticCodes.UnexpectedCharacter,
                $"Unexpected character '{c}'. Strings are written in double quotes, e.g. \"col-A\"."));
            _index++;
            return null;
        }

        var length = kind is TokenKind.GreaterEqual or TokenKind.LessEqual ? 2 : 1;
        var token = new Token(kind.Value, _text.Substring(_index, length), start);
        _index += length;
        return token;
    }

    private Token ReadWord(SourcePosition start)
    {
        var begin = _index;
        while (_index < _text.Length && IsWordChar(_text[_index]))
        {
            _index++;
        }

        var word = _text[begin.._index];

        // 'now()' is one token in the grammar and wins over the shorter word 'now'.
        if (word == "now" && Peek(0) == '(' && Peek(1) == ')')
        {
            _index += 2;
            return new Token(TokenKind.Now, "now()", start);
        }

        return new Token(Classify(word), word, start);
    }

    private static TokenKind Classify(string word) => word switch
    {
        "and" or "AND" => TokenKind.And,
        "or" or "OR" => TokenKind.Or,
        "of" or "OF" => TokenKind.Of,
        "null" or "NULL" => TokenKind.Null,
        "empty" or "EMPTY" => TokenKind.Empty,
        "whitespaces_only" or "WHITESPACES_ONLY" => TokenKind.WhitespacesOnly,
        "between" => TokenKind.Between,
        "in" => TokenKind.In,
        "not" => TokenKind.Not,
        _ when IntPattern().IsMatch(word) => TokenKind.Int,
        _ when DecimalPattern().IsMatch(word) => TokenKind.Decimal,
        _ => TokenKind.Identifier,
    };

    private Token? ReadQuoted(SourcePosition start)
    {
        var begin = ++_index;
        while (_index < _text.Length)
        {
            var c = _text[_index];
            if (c == '\\' && _index + 1 < _text.Length && _text[_index + 1] is '"' or '\\')
            {
                _index += 2;
                continue;
            }

            if (c == '"')
            {
                var content = _text[begin.._index];
                _index++;
                return new Token(ClassifyQuoted(content), content, start);
            }

            if (c == '\n')
            {
                _line++;
                _lineStart = _index + 1;
            }

            _index++;
        }

        _diagnostics.Add(DqdlDiagnostic.At(
            start,
            DqdlDiagnosticCodes.UnterminatedString,
            "This string has no closing double quote; add one, or escape a quote inside it as \\\"."));
        return null;
    }

    private static TokenKind ClassifyQuoted(string content) => content switch
    {
        _ when DatePattern().IsMatch(content) => TokenKind.DateLiteral,
        _ when TimePattern().IsMatch(content) => TokenKind.TimeLiteral,
        _ when MilitaryTimePattern().IsMatch(content) => TokenKind.MilitaryTimeLiteral,
        _ => TokenKind.QuotedString,
    };

    private void SkipTrivia()
    {
        while (_index < _text.Length)
        {
            var c = _text[_index];
            if (c == '\n')
            {
                _index++;
                _line++;
                _lineStart = _index;
            }
            else if (c is ' ' or '\t' or '\r')
            {
                _index++;
            }
            else if (c == '#')
            {
                while (_index < _text.Length && _text[_index] != '\n')
                {
                    _index++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private char Peek(int offset) => _index + offset < _text.Length ? _text[_index + offset] : '\0';

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.';

    [GeneratedRegex("^[0-9]+$")]
    private static partial Regex IntPattern();

    [GeneratedRegex("^[0-9]+\\.[0-9]+$")]
    private static partial Regex DecimalPattern();

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    private static partial Regex DatePattern();

    [GeneratedRegex("^[0-9]{1,2}:[0-9]{2} (AM|PM)$")]
    private static partial Regex TimePattern();

    [GeneratedRegex("^[0-9]{2}:[0-9]{2}$")]
    private static partial Regex MilitaryTimePattern();
}
