namespace DataPrepWorkflows.Dqdl.Catalog;

/// <summary>
/// What a rule type measures, which decides the condition family it accepts: a <see cref="Boolean"/> rule takes no
/// condition, a number rule a number condition, and so on. The <c>…Array</c> forms are evaluated value by value
/// (row level), their scalar forms once per dataset.
/// </summary>
public enum RuleReturnType
{
    /// <summary>Passes or fails by itself; a condition is not allowed (<c>BOOLEAN</c>).</summary>
    Boolean,

    /// <summary>One number per dataset (<c>NUMBER</c>).</summary>
    Number,

    /// <summary>One number per row (<c>NUMBER_ARRAY</c>).</summary>
    NumberArray,

    /// <summary>One string per dataset (<c>STRING</c>).</summary>
    String,

    /// <summary>One string per row (<c>STRING_ARRAY</c>).</summary>
    StringArray,

    /// <summary>One date-time per dataset (<c>DATE</c>).</summary>
    Date,

    /// <summary>One date-time per row (<c>DATE_ARRAY</c>).</summary>
    DateArray,

    /// <summary>One duration per dataset (<c>DURATION</c>).</summary>
    Duration,

    /// <summary>One duration per row (<c>DURATION_ARRAY</c>).</summary>
    DurationArray,

    /// <summary>One size in bytes per dataset (<c>SIZE</c>).</summary>
    Size,

    /// <summary>One size in bytes per file (<c>SIZE_ARRAY</c>).</summary>
    SizeArray,
}
