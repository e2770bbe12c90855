namespace DataPrepWorkflows.Dqdl.Syntax;

/// <summary>
/// A hand-written recursive-descent parser for the DQDL grammar. It stops at the first syntax error and reports it
/// with its position; meaning (rule types, condition families, variables) is checked afterwards by the validator.
/// </summary>
internal sealed partial class Parser
{
    // Words that are literal tokens in the DQDL grammar, so they can never be a bare parameter, rule type or variable.
    private static readonly HashSet<string> ReservedWords = new(StringComparer.Ordinal)
    {
        "Metadata", "DataSources", "DefaultLabels", "Rules", "Analyzers", "matches", "with", "where", "labels",
        "days", "hours", "minutes", "B", "KB", "MB", "GB", "TB",
    };

    // Deep enough for any real ruleset, shallow enough that recursion can never exhaust the stack.
    private const int MaxNesting = 200;
    private const int MaxOperatorsPerRule = 1000;

    private readonly IReadOnlyList<Token> _tokens;
    private int _index;
    private int _nesting;
    private int _composites;
    private int _operators;

    private Parser(IReadOnlyList<Token> tokens) => _tokens = tokens;

    public static SyntaxDocument? Parse(IReadOnlyList<Token> tokens, List<DqdlDiagnostic> diagnostics)
    {
        try
        {
            return new Parser(tokens).ParseDocument();
        }
        catch (SyntaxError error)
        {
            // The first syntax error ends parsing; later text would only produce follow-on noise.
            diagnostics.Add(error.Diagnostic);
            return null;
        }
    }

    private Token Current => _tokens[_index];

    private Token PeekAt(int offset) => _tokens[Math.Min(_index + offset, _tokens.Count - 1)];

    private Token Advance()
    {
        var token = Current;
        if (token.Kind != TokenKind.End)
        {
            _index++;
        }

        return token;
    }

    private bool Accept(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }

        Advance();
        return true;
    }

    private Token Expect(TokenKind kind, string what) =>
        Current.Kind == kind ? Advance() : throw Error($"Expected {what} but found {Current.Describe()}.");

    private SyntaxError Error(string message) => Error(Current.Position, message);

    private static SyntaxError Error(SourcePosition position, string message) =>
        new(DqdlDiagnostic.At(position, DqdlDiagnosticCodes.SyntaxError, message));

    private NestingScope Nest()
    {
        if (++_nesting > MaxNesting)
        {
            throw Error($"Parentheses and function calls are nested more than {MaxNesting} deep; simplify the rule.");
        }

        return new NestingScope(this);
    }

    private static bool IsBareWord(Token token) =>
        token.Kind == TokenKind.Identifier && !ReservedWords.Contains(token.Text);

    private readonly struct NestingScope(Parser parser) : IDisposable
    {
        public void Dispose() => parser._nesting--;
    }

    /// <summary>Carries the first syntax error out of the recursive descent; never escapes <see cref="Parse"/>.</summary>
    private sealed class SyntaxError(DqdlDiagnostic diagnostic) : Exception(diagnostic.Message)
    {
        public DqdlDiagnostic Diagnostic { get; } = diagnostic;
    }
}
