using System.Globalization;
using DataPrepWorkflows.Dqdl.Conditions;

namespace DataPrepWorkflows.Dqdl.Syntax;

internal sealed partial class Parser
{
    private bool IsConditionStart() =>
        Current.Kind is TokenKind.Not or TokenKind.Bang or TokenKind.Between or TokenKind.In or TokenKind.Equal
            or TokenKind.Greater or TokenKind.GreaterEqual or TokenKind.Less or TokenKind.LessEqual
        || Current.IsWord("matches");

    private RawCondition ParseCondition()
    {
        var start = Current.Position;
        var negated = false;
        if (Accept(TokenKind.Not))
        {
            negated = true;
            if (Current.Kind is not TokenKind.Between and not TokenKind.In && !Current.IsWord("matches"))
            {
                throw Error($"Expected 'between', 'in' or 'matches' after 'not' but found {Current.Describe()}.");
            }
        }
        else if (Accept(TokenKind.Bang))
        {
            negated = true;
            if (Current.Kind != TokenKind.Equal)
            {
                throw Error($"Expected '=' after '!' (write != for not equal) but found {Current.Describe()}.");
            }
        }

        var op = Advance();
        switch (op.Kind)
        {
            case TokenKind.Between:
                var low = ParseOperand();
                Expect(TokenKind.And, "'and' between the two bounds");
                return new RawCondition(RawOperator.Between, negated, [low, ParseOperand()], false, start);
            case TokenKind.In when Current.Kind == TokenKind.Dollar:
                return new RawCondition(RawOperator.In, negated, [ParseVariableReference()], true, start);
            case TokenKind.In:
                return new RawCondition(RawOperator.In, negated, ParseOperandList(), false, start);
            case TokenKind.Identifier:
                var pattern = Current.Kind == TokenKind.QuotedString
                    ? Advance()
                    : throw Error($"Expected the regular expression in double quotes after 'matches' but found {Current.Describe()}.");
                return new RawCondition(RawOperator.Matches, negated, [new RawString(pattern.Text, pattern.Position)], false, start);
            default:
                var rawOperator = op.Kind switch
                {
                    TokenKind.Greater => RawOperator.GreaterThan,
                    TokenKind.GreaterEqual => RawOperator.GreaterThanOrEqual,
                    TokenKind.Less => RawOperator.LessThan,
                    TokenKind.LessEqual => RawOperator.LessThanOrEqual,
                    _ => RawOperator.Equal,
                };
                return new RawCondition(rawOperator, negated, [ParseOperand()], false, start);
        }
    }

    private List<RawOperand> ParseOperandList()
    {
        Expect(TokenKind.LBracket, "'[' to open the list of values");
        var operands = new List<RawOperand>();
        do
        {
            operands.Add(ParseOperand());
        }
        while (Accept(TokenKind.Comma));

        Expect(TokenKind.RBracket, "',' or ']' to close the list of values");
        return operands;
    }

    private RawOperand ParseOperand()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.QuotedString:
                Advance();
                return new RawString(token.Text, token.Position);
            case TokenKind.DateLiteral:
                Advance();
                return new RawDate(token.Text, token.Position);
            case TokenKind.TimeLiteral or TokenKind.MilitaryTimeLiteral:
                Advance();
                return new RawTime(token.Text, token.Kind == TokenKind.MilitaryTimeLiteral, token.Position);
            case TokenKind.Now:
                Advance();
                return new RawNow(token.Position);
            case TokenKind.LParen when PeekAt(1).Kind == TokenKind.Now:
                return ParseRelativeDate();
            case TokenKind.Empty or TokenKind.WhitespacesOnly:
                Advance();
                return new RawKeyword(KeywordOf(token.Kind), token.Position);
            case TokenKind.Null when !IsArithmeticOperator(PeekAt(1)):
                Advance();
                return new RawKeyword(StringKeyword.Null, token.Position);
            case TokenKind.Dollar:
                return ParseVariableReference();
            case TokenKind.Int when IsUnitWord(PeekAt(1)):
                return ParseQuantity();
            case TokenKind.Int when IsBareWord(PeekAt(1)):
            case TokenKind.Decimal when IsUnitWord(PeekAt(1)):
                throw new SyntaxError(DqdlDiagnostic.At(
                    PeekAt(1).Position,
                    DqdlDiagnosticCodes.InvalidUnit,
                    $"'{token.Text} {PeekAt(1).Text}' is not a duration or size: write a whole number followed by days, "
                    + "hours or minutes, or by B, KB, MB, GB or TB."));
            default:
                return new RawNumber(ParseNumber(), token.Position);
        }
    }

    private static bool IsUnitWord(Token token) =>
        token.Kind == TokenKind.Identifier && (DurationUnitOf(token.Text) is not null || SizeUnitOf(token.Text) is not null);

    private RawOperand ParseQuantity()
    {
        var amount = Advance();
        var unit = Advance();
        if (DurationUnitOf(unit.Text) is { } durationUnit)
        {
            return new RawDuration(new DqDuration(ParseAmount(amount, int.MaxValue), durationUnit), amount.Position);
        }

        return new RawSize(new DqSize(ParseAmount(amount, int.MaxValue), SizeUnitOf(unit.Text)!.Value), amount.Position);
    }

    private static int ParseAmount(Token amount, int max) =>
        int.TryParse(amount.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= max
            ? value
            : throw new SyntaxError(DqdlDiagnostic.At(
                amount.Position,
                DqdlDiagnosticCodes.InvalidNumber,
                $"{amount.Text} is too large for a duration or size amount."));

    // '(' now() ('-' | '+') (DIGIT | INT) ('days' | 'hours' | 'minutes') ')'
    private RawRelativeDate ParseRelativeDate()
    {
        var open = Advance();
        Advance();
        var op = Current.Kind switch
        {
            TokenKind.Minus => '-',
            TokenKind.Plus => '+',
            _ => throw Error($"Expected '-' or '+' after now(), e.g. (now() - 3 days), but found {Current.Describe()}."),
        };
        Advance();
        var amount = Expect(TokenKind.Int, "a whole number, e.g. (now() - 3 days)");
        var unit = Current;
        if (unit.Kind != TokenKind.Identifier || DurationUnitOf(unit.Text) is not { } durationUnit)
        {
            throw new SyntaxError(DqdlDiagnostic.At(
                unit.Position,
                DqdlDiagnosticCodes.InvalidUnit,
                $"Expected a duration unit (days, hours or minutes) after {amount.Text} but found {unit.Describe()}."));
        }

        Advance();
        Expect(TokenKind.RParen, "')' to close the date expression");
        return new RawRelativeDate(op, new DqDuration(ParseAmount(amount, int.MaxValue), durationUnit), open.Position);
    }

    // number: number numberOp number | functionCall | '(' number ')' | atomicNumber | NULL — one precedence level.
    private NumericOperand ParseNumber()
    {
        var left = ParseNumberPrimary();
        while (IsArithmeticOperator(Current))
        {
            if (++_operators > MaxOperatorsPerRule)
            {
                throw Error($"A rule may use at most {MaxOperatorsPerRule} arithmetic operators; simplify the expression.");
            }

            var op = Advance().Text[0];
            left = new BinaryNumberOperand(left, op, ParseNumberPrimary(), IsParenthesized: false);
        }

        return left;
    }

    private NumericOperand ParseNumberPrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Minus when PeekAt(1).Kind is TokenKind.Int or TokenKind.Decimal:
                Advance();
                return new AtomicNumberOperand("-" + Advance().Text);
            case TokenKind.Int or TokenKind.Decimal:
                Advance();
                return new AtomicNumberOperand(token.Text);
            case TokenKind.Null:
                Advance();
                return new NullNumberOperand();
            case TokenKind.LParen:
                Advance();
                using (Nest())
                {
                    var inner = ParseNumber();
                    Expect(TokenKind.RParen, "')' to close the parenthesised number");
                    return inner is BinaryNumberOperand binary ? binary with { IsParenthesized = true } : inner;
                }

            case TokenKind.Identifier when PeekAt(1).Kind == TokenKind.LParen && !ReservedWords.Contains(token.Text):
                return ParseFunctionCall();
            default:
                throw Error(
                    $"Expected a value (a number, a quoted string, a date, a duration such as 3 days, NULL, …) but found {token.Describe()}.");
        }
    }

    private FunctionCallOperand ParseFunctionCall()
    {
        var name = Advance();
        Advance();
        using var nesting = Nest();
        var arguments = new List<NumericOperand>();
        if (!Accept(TokenKind.RParen))
        {
            do
            {
                arguments.Add(ParseNumber());
            }
            while (Accept(TokenKind.Comma));

            Expect(TokenKind.RParen, $"',' or ')' to close the arguments of {name.Text}");
        }

        return new FunctionCallOperand(name.Text, arguments);
    }

    private static bool IsArithmeticOperator(Token token) =>
        token.Kind is TokenKind.Plus or TokenKind.Minus or TokenKind.Star or TokenKind.Slash;

    private static DurationUnit? DurationUnitOf(string word) => word switch
    {
        "days" => DurationUnit.Days,
        "hours" => DurationUnit.Hours,
        "minutes" => DurationUnit.Minutes,
        _ => null,
    };

    private static SizeUnit? SizeUnitOf(string word) => word switch
    {
        "B" => SizeUnit.B,
        "KB" => SizeUnit.KB,
        "MB" => SizeUnit.MB,
        "GB" => SizeUnit.GB,
        "TB" => SizeUnit.TB,
        _ => null,
    };
}
