namespace DataPrepWorkflows.Dqdl.Syntax;

/// <summary>A lexical token. For quoted tokens <see cref="Text"/> is the text between the quotes, as written.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, SourcePosition Position)
{
    public bool IsWord(string word) => Kind == TokenKind.Identifier && string.Equals(Text, word, StringComparison.Ordinal);

    public string Describe() => Kind switch
    {
        TokenKind.End => "the end of the text",
        TokenKind.QuotedString or TokenKind.DateLiteral or TokenKind.TimeLiteral or TokenKind.MilitaryTimeLiteral
            => $"\"{Text}\"",
        _ => $"'{Text}'",
    };
}
