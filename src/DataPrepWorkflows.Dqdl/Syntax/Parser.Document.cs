namespace DataPrepWorkflows.Dqdl.Syntax;

internal sealed partial class Parser
{
    // Sections must appear in this order; variables may repeat.
    private enum Section
    {
        None,
        Metadata,
        DataSources,
        Variables,
        DefaultLabels,
        Rules,
        Analyzers,
    }

    private static readonly string[] SectionNames = ["Metadata", "DataSources", "DefaultLabels", "Rules", "Analyzers"];

    private SyntaxDocument ParseDocument()
    {
        SyntaxDictionary? metadata = null;
        SyntaxDictionary? dataSources = null;
        var variables = new List<SyntaxVariable>();
        IReadOnlyList<SyntaxLabel>? defaultLabels = null;
        IReadOnlyList<SyntaxRuleNode>? rules = null;
        IReadOnlyList<SyntaxAnalyzer>? analyzers = null;
        var last = Section.None;
        SourcePosition? listsStart = null;

        while (Current.Kind != TokenKind.End)
        {
            var start = Current;
            var section = SectionAt(start);
            if (section > last || (section == Section.Variables && last == Section.Variables))
            {
                last = section;
            }
            else
            {
                throw new SyntaxError(DqdlDiagnostic.At(
                    start.Position,
                    DqdlDiagnosticCodes.MisplacedSection,
                    $"{Describe(section)} cannot come here: a ruleset is Metadata, DataSources, variables, "
                    + "DefaultLabels, Rules, Analyzers, in that order, each at most once."));
            }

            if (section is Section.Rules or Section.Analyzers)
            {
                listsStart ??= start.Position;
            }

            Advance();
            Expect(TokenKind.Equal, $"'=' after {start.Text}");
            switch (section)
            {
                case Section.Metadata:
                    metadata = ParseDictionary();
                    break;
                case Section.DataSources:
                    dataSources = ParseDictionary();
                    break;
                case Section.Variables:
                    variables.Add(ParseVariable(start));
                    break;
                case Section.DefaultLabels:
                    defaultLabels = ParseLabelList();
                    break;
                case Section.Rules:
                    rules = ParseList(ParseRuleEntry, "Rules");
                    break;
                default:
                    analyzers = ParseList(ParseAnalyzer, "Analyzers");
                    break;
            }
        }

        if (rules is null && analyzers is null)
        {
            throw new SyntaxError(DqdlDiagnostic.At(
                Current.Position,
                DqdlDiagnosticCodes.MissingRulesSection,
                "A ruleset needs a Rules = [ … ] or an Analyzers = [ … ] section (names are case-sensitive)."));
        }

        return new SyntaxDocument(metadata, dataSources, variables, defaultLabels, rules, analyzers, listsStart ?? Current.Position);
    }

    private Section SectionAt(Token token)
    {
        if (token.Kind == TokenKind.Identifier)
        {
            var section = token.Text switch
            {
                "Metadata" => Section.Metadata,
                "DataSources" => Section.DataSources,
                "DefaultLabels" => Section.DefaultLabels,
                "Rules" => Section.Rules,
                "Analyzers" => Section.Analyzers,
                _ => Section.None,
            };
            if (section != Section.None)
            {
                return section;
            }

            if (SectionNames.FirstOrDefault(n => string.Equals(n, token.Text, StringComparison.OrdinalIgnoreCase)) is { } name)
            {
                throw Error(token.Position, $"Section names are case-sensitive: write {name}, not {token.Text}.");
            }

            if (!ReservedWords.Contains(token.Text) && PeekAt(1).Kind == TokenKind.Equal)
            {
                return Section.Variables;
            }
        }

        throw Error(
            token.Position,
            $"Expected a section such as Rules = [ … ] but found {token.Describe()}. Section names are case-sensitive.");
    }

    private static string Describe(Section section) => section switch
    {
        Section.Variables => "A variable declaration",
        _ => $"The {section} section",
    };

    private IReadOnlyList<T> ParseList<T>(Func<T> parseItem, string section)
    {
        Expect(TokenKind.LBracket, $"'[' to open the {section} list");
        var items = new List<T>();
        if (Accept(TokenKind.RBracket))
        {
            return items;
        }

        do
        {
            items.Add(parseItem());
        }
        while (Accept(TokenKind.Comma));

        Expect(TokenKind.RBracket, $"',' or ']' to close the {section} list");
        return items;
    }

    private SyntaxDictionary ParseDictionary()
    {
        var open = Expect(TokenKind.LBrace, "'{' to open the dictionary");
        var pairs = new List<SyntaxPair>();
        if (Current.Kind == TokenKind.RBrace)
        {
            Advance();
            return new SyntaxDictionary(pairs, open.Position);
        }

        do
        {
            var key = ExpectQuoted("a quoted key");
            Expect(TokenKind.Colon, "':' after the key");
            if (Accept(TokenKind.LBracket))
            {
                var items = new List<string>();
                do
                {
                    items.Add(ExpectQuoted("a quoted string").Text);
                }
                while (Accept(TokenKind.Comma));

                Expect(TokenKind.RBracket, "',' or ']' to close the list");
                pairs.Add(new SyntaxPair(key.Text, null, items, key.Position));
            }
            else
            {
                pairs.Add(new SyntaxPair(key.Text, ExpectQuoted("a quoted value or a list").Text, null, key.Position));
            }
        }
        while (Accept(TokenKind.Comma));

        Expect(TokenKind.RBrace, "',' or '}' to close the dictionary");
        return new SyntaxDictionary(pairs, open.Position);
    }

    private SyntaxVariable ParseVariable(Token name)
    {
        if (Accept(TokenKind.LBracket))
        {
            var items = new List<RawOperand>();
            do
            {
                items.Add(ParseStringValue());
            }
            while (Accept(TokenKind.Comma));

            Expect(TokenKind.RBracket, "',' or ']' to close the list");
            return new SyntaxVariable(name.Text, items, IsList: true, name.Position);
        }

        return new SyntaxVariable(name.Text, [ParseStringValue()], IsList: false, name.Position);
    }

    private RawOperand ParseStringValue()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.QuotedString:
                Advance();
                return new RawString(token.Text, token.Position);
            case TokenKind.Null or TokenKind.Empty or TokenKind.WhitespacesOnly:
                Advance();
                return new RawKeyword(KeywordOf(token.Kind), token.Position);
            case TokenKind.Dollar:
                return ParseVariableReference();
            default:
                throw Error(
                    $"Expected a quoted string, NULL, EMPTY, WHITESPACES_ONLY or a $variable but found {token.Describe()}. "
                    + "Variable values are strings or lists of strings.");
        }
    }

    private RawVariable ParseVariableReference()
    {
        var dollar = Expect(TokenKind.Dollar, "'$'");
        var name = Current;
        if (!IsBareWord(name))
        {
            throw Error($"Expected a variable name after '$' but found {name.Describe()}.");
        }

        Advance();
        return new RawVariable(name.Text, dollar.Position);
    }

    private Token ExpectQuoted(string what)
    {
        // A date- or time-shaped string is still a string where only strings are allowed.
        return Current.Kind is TokenKind.QuotedString or TokenKind.DateLiteral or TokenKind.TimeLiteral
            or TokenKind.MilitaryTimeLiteral
            ? Advance()
            : throw Error($"Expected {what} but found {Current.Describe()}.");
    }

    private static Conditions.StringKeyword KeywordOf(TokenKind kind) => kind switch
    {
        TokenKind.Null => Conditions.StringKeyword.Null,
        TokenKind.Empty => Conditions.StringKeyword.Empty,
        _ => Conditions.StringKeyword.WhitespacesOnly,
    };
}
