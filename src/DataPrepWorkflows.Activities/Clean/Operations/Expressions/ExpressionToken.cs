namespace DataPrepWorkflows.Activities.Clean.Operations.Expressions;

/// <summary>What a token of a DataBrew value expression is.</summary>
internal enum ExpressionTokenKind
{
    /// <summary>A backtick-quoted column (<c>`price`</c>) or aggregate result (<c>`:avgprice`</c>).</summary>
    Reference,

    /// <summary>A number.</summary>
    Number,

    /// <summary>A quoted string ('text' or "text").</summary>
    Text,

    /// <summary>A bare word: AND, OR, NOT, TRUE, FALSE, NULL.</summary>
    Word,

    /// <summary>A comparison or logical symbol, or a parenthesis.</summary>
    Symbol,
}

/// <summary>One token, with its position (0-based) in the expression for diagnostics.</summary>
internal sealed record ExpressionToken(ExpressionTokenKind Kind, string Text, int Position);
