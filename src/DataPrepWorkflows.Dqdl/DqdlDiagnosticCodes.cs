namespace DataPrepWorkflows.Dqdl;

/// <summary>
/// The stable codes of DQDL diagnostics. Codes never change meaning; new problems get new codes. 0xx are lexical,
/// syntax and layout errors, 1xx section contents, 2xx rules and analyzers, 3xx conditions and values, 4xx variables,
/// 5xx labels and duplicates.
/// </summary>
public static class DqdlDiagnosticCodes
{
    /// <summary>A character that cannot start any DQDL token.</summary>
    public const string UnexpectedCharacter = "DQDL001";

    /// <summary>A quoted string without its closing quote.</summary>
    public const string UnterminatedString = "DQDL002";

    /// <summary>The text does not follow the DQDL grammar at this point.</summary>
    public const string SyntaxError = "DQDL010";

    /// <summary>The document has no <c>Rules</c> or <c>Analyzers</c> section.</summary>
    public const string MissingRulesSection = "DQDL011";

    /// <summary>A section appears twice or in the wrong order.</summary>
    public const string MisplacedSection = "DQDL012";

    /// <summary>Neither the <c>Rules</c> nor the <c>Analyzers</c> section contains anything.</summary>
    public const string NoRulesOrAnalyzers = "DQDL101";

    /// <summary>A <c>Metadata</c> or <c>DataSources</c> dictionary is empty.</summary>
    public const string EmptyDictionary = "DQDL102";

    /// <summary>A key other than <c>Version</c> in <c>Metadata</c>.</summary>
    public const string UnsupportedMetadataKey = "DQDL103";

    /// <summary>A key other than <c>Primary</c> or <c>AdditionalDataSources</c> in <c>DataSources</c>.</summary>
    public const string UnsupportedDataSourcesKey = "DQDL104";

    /// <summary>A dictionary value of the wrong shape (a list where a string is expected, or the reverse).</summary>
    public const string InvalidDictionaryValue = "DQDL105";

    /// <summary>A dictionary key given twice.</summary>
    public const string DuplicateDictionaryKey = "DQDL106";

    /// <summary>A rule or analyzer type that is not in the rule-type catalog.</summary>
    public const string UnknownRuleType = "DQDL201";

    /// <summary>A rule type written with a number of parameters none of its overloads takes.</summary>
    public const string WrongParameterCount = "DQDL202";

    /// <summary>An analyzer-only type (e.g. <c>AllStatistics</c>) in the <c>Rules</c> section.</summary>
    public const string AnalyzerOnlyRuleType = "DQDL203";

    /// <summary>A rule type that cannot be an analyzer (boolean rule types).</summary>
    public const string NotAnAnalyzer = "DQDL204";

    /// <summary>A rule type that needs a condition written without one.</summary>
    public const string MissingCondition = "DQDL205";

    /// <summary>A boolean rule type written with a condition.</summary>
    public const string UnexpectedCondition = "DQDL206";

    /// <summary>A <c>where</c> clause on a rule type that does not support it.</summary>
    public const string WhereNotSupported = "DQDL207";

    /// <summary>An empty <c>where ""</c> clause.</summary>
    public const string EmptyWhereClause = "DQDL208";

    /// <summary>A <c>with threshold</c> clause on a rule type that does not support it.</summary>
    public const string ThresholdNotSupported = "DQDL209";

    /// <summary>More than one <c>with threshold</c> clause on one rule.</summary>
    public const string DuplicateThreshold = "DQDL210";

    /// <summary>A <c>with</c> tag that uses an operator other than <c>=</c>, or a tag given twice.</summary>
    public const string InvalidTag = "DQDL211";

    /// <summary><c>DetectAnomalies</c> naming something that is not a metric-producing rule type, or with wrong parameters for it.</summary>
    public const string InvalidAnomalyMetric = "DQDL212";

    /// <summary>A condition of the wrong family for the rule type (e.g. a string condition on a number rule).</summary>
    public const string ConditionTypeMismatch = "DQDL301";

    /// <summary>A date or time literal that is not a real date or time.</summary>
    public const string InvalidDateOrTime = "DQDL302";

    /// <summary>A <c>timeZone</c> tag naming an unknown time zone.</summary>
    public const string UnknownTimeZone = "DQDL303";

    /// <summary>A duration or size with a unit DQDL does not know.</summary>
    public const string InvalidUnit = "DQDL304";

    /// <summary>A number that does not fit, e.g. a size amount beyond the integer range.</summary>
    public const string InvalidNumber = "DQDL305";

    /// <summary>A <c>$variable</c> that is not declared.</summary>
    public const string UndeclaredVariable = "DQDL401";

    /// <summary>A variable declared twice.</summary>
    public const string DuplicateVariable = "DQDL402";

    /// <summary>A variable name starting with <c>.</c> or <c>_</c>.</summary>
    public const string InvalidVariableName = "DQDL403";

    /// <summary>A list variable used where a single string is expected, or the reverse.</summary>
    public const string VariableTypeMismatch = "DQDL404";

    /// <summary>A variable whose value refers to another variable.</summary>
    public const string NestedVariable = "DQDL405";

    /// <summary>An invalid label: empty, too long, duplicate key or too many labels.</summary>
    public const string InvalidLabel = "DQDL501";

    /// <summary>The same rule written twice in the ruleset.</summary>
    public const string DuplicateRule = "DQDL502";
}
