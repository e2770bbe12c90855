namespace DataPrepWorkflows.Dqdl.Conditions;

/// <summary>The operator of a condition. Each <c>Not…</c> operator is the exact complement of its positive form.</summary>
public enum ConditionOperator
{
    /// <summary><c>between a and b</c>: strictly greater than a and strictly less than b (both ends excluded).</summary>
    Between,

    /// <summary><c>not between a and b</c>.</summary>
    NotBetween,

    /// <summary><c>&gt; a</c>.</summary>
    GreaterThan,

    /// <summary><c>&gt;= a</c>.</summary>
    GreaterThanOrEqual,

    /// <summary><c>&lt; a</c>.</summary>
    LessThan,

    /// <summary><c>&lt;= a</c>.</summary>
    LessThanOrEqual,

    /// <summary><c>= a</c>: exact equality (numbers compare as IEEE doubles, with no tolerance).</summary>
    Equal,

    /// <summary><c>!= a</c>.</summary>
    NotEqual,

    /// <summary><c>in [a,b,…]</c>.</summary>
    In,

    /// <summary><c>not in [a,b,…]</c>.</summary>
    NotIn,

    /// <summary><c>matches "regex"</c>: the whole value must match the regular expression.</summary>
    Matches,

    /// <summary><c>not matches "regex"</c>.</summary>
    NotMatches,
}
