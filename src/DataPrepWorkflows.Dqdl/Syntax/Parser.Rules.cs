using DataPrepWorkflows.Dqdl.Rules;

namespace DataPrepWorkflows.Dqdl.Syntax;

internal sealed partial class Parser
{
    // topLevelRule: '(' topLevelRule ')' labels? | topLevelRule AND topLevelRule | topLevelRule OR topLevelRule | dqRule
    // The grammar lists AND before OR, so AND binds tighter; both associate to the left.
    private SyntaxRuleNode ParseRuleEntry()
    {
        _composites = 0;
        _operators = 0;
        return ParseTopLevelRule();
    }

    private SyntaxRuleNode ParseTopLevelRule()
    {
        var left = ParseAndRule();
        while (Current.Kind == TokenKind.Or)
        {
            CountComposite();
            left = new SyntaxComposite(DqLogicalOperator.Or, left, ParseAndRule(), left.Position);
        }

        return left;
    }

    private SyntaxRuleNode ParseAndRule()
    {
        var left = ParsePrimaryRule();
        while (Current.Kind == TokenKind.And)
        {
            CountComposite();
            left = new SyntaxComposite(DqLogicalOperator.And, left, ParsePrimaryRule(), left.Position);
        }

        return left;
    }

    private void CountComposite()
    {
        if (++_composites > MaxNesting)
        {
            throw Error($"A composite rule may join at most {MaxNesting} rules; split it into several rules.");
        }

        Advance();
    }

    private SyntaxRuleNode ParsePrimaryRule()
    {
        if (Current.Kind != TokenKind.LParen)
        {
            return ParseRule();
        }

        var open = Advance();
        SyntaxRuleNode inner;
        using (Nest())
        {
            inner = ParseTopLevelRule();
        }

        Expect(TokenKind.RParen, "')' to close the parenthesised rule");
        if (Current.IsWord("labels"))
        {
            if (inner.Labels is not null)
            {
                throw Error("This rule already has labels; give each rule one labels=[ … ] list.");
            }

            inner = inner with { Labels = ParseLabels() };
        }

        return inner is SyntaxComposite composite ? composite with { Position = open.Position } : inner;
    }

    // dqRule: ruleType parameterWithConnectorWord* condition? whereClause? labels? tagWithCondition*
    private SyntaxRule ParseRule()
    {
        var type = Current;
        if (!IsBareWord(type))
        {
            throw Error($"Expected a rule type such as Completeness or RowCount but found {type.Describe()}.");
        }

        Advance();
        var parameters = ParseParameters();
        var condition = IsConditionStart() ? ParseCondition() : null;

        SyntaxWhere? where = null;
        if (Current.IsWord("where"))
        {
            Advance();
            var sql = Current.Kind == TokenKind.QuotedString
                ? Advance()
                : throw Error($"Expected the SQL condition in double quotes after 'where' but found {Current.Describe()}.");
            where = new SyntaxWhere(sql.Text, sql.Position);
        }

        var labels = Current.IsWord("labels") ? ParseLabels() : null;

        var tags = new List<SyntaxTag>();
        while (Current.IsWord("with"))
        {
            tags.Add(ParseTag());
        }

        return new SyntaxRule(type.Text, parameters, condition, where, tags, type.Position) { Labels = labels };
    }

    private SyntaxAnalyzer ParseAnalyzer()
    {
        var type = Current;
        if (!IsBareWord(type))
        {
            throw Error($"Expected an analyzer type such as Completeness but found {type.Describe()}.");
        }

        Advance();
        return new SyntaxAnalyzer(type.Text, ParseParameters(), type.Position);
    }

    private List<SyntaxParameter> ParseParameters()
    {
        var parameters = new List<SyntaxParameter>();
        while (true)
        {
            string? connector = null;
            var offset = 0;
            if (Current.Kind is TokenKind.Of or TokenKind.And)
            {
                // 'and' is a connector only when a parameter follows; otherwise it joins two rules.
                if (!IsParameterStart(PeekAt(1)))
                {
                    return parameters;
                }

                connector = Current.Text;
                offset = 1;
            }

            if (!IsParameterStart(PeekAt(offset)))
            {
                return parameters;
            }

            if (connector is not null)
            {
                Advance();
            }

            var token = Current;
            if (token.Kind == TokenKind.Dollar)
            {
                var variable = ParseVariableReference();
                parameters.Add(new SyntaxParameter(variable.Name, IsQuoted: false, IsVariable: true, connector, token.Position));
            }
            else
            {
                Advance();
                var quoted = token.Kind == TokenKind.QuotedString;
                parameters.Add(new SyntaxParameter(token.Text, quoted, IsVariable: false, connector, token.Position));
            }
        }
    }

    private static bool IsParameterStart(Token token) =>
        token.Kind is TokenKind.QuotedString or TokenKind.Dollar || IsBareWord(token);

    private List<SyntaxLabel> ParseLabels()
    {
        Advance();
        Expect(TokenKind.Equal, "'=' after labels");
        return ParseLabelList();
    }

    private List<SyntaxLabel> ParseLabelList()
    {
        Expect(TokenKind.LBracket, "'[' to open the labels");
        var labels = new List<SyntaxLabel>();
        if (Accept(TokenKind.RBracket))
        {
            return labels;
        }

        do
        {
            var key = ExpectQuoted("a quoted label key");
            Expect(TokenKind.Equal, "'=' between the label key and value");
            var value = ExpectQuoted("a quoted label value");
            labels.Add(new SyntaxLabel(key.Text, value.Text, key.Position));
        }
        while (Accept(TokenKind.Comma));

        Expect(TokenKind.RBracket, "',' or ']' to close the labels");
        return labels;
    }

    // tagWithCondition: 'with' tagName (stringBasedCondition | numberBasedCondition)
    private SyntaxTag ParseTag()
    {
        var with = Advance();
        var name = Current;
        var quoted = name.Kind == TokenKind.QuotedString;
        if (!quoted && !IsBareWord(name))
        {
            throw Error($"Expected a name after 'with', e.g. with threshold > 0.9, but found {name.Describe()}.");
        }

        Advance();
        if (!IsConditionStart())
        {
            throw Error($"Expected a condition after 'with {name.Text}', e.g. > 0.9 or = \"value\", but found {Current.Describe()}.");
        }

        return new SyntaxTag(name.Text, quoted, ParseCondition(), with.Position);
    }
}
