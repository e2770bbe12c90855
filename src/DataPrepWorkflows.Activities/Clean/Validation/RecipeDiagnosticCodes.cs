namespace DataPrepWorkflows.Activities.Clean.Validation;

/// <summary>The stable codes of recipe diagnostics (documented in docs/clean-recipes.md).</summary>
public static class RecipeDiagnosticCodes
{
    /// <summary>The recipe is not JSON, or not shaped like a DataBrew recipe.</summary>
    public const string InvalidRecipe = "DBR001";

    /// <summary>More steps than DataBrew allows (100).</summary>
    public const string TooManySteps = "DBR002";

    /// <summary>The operation is not in the catalog.</summary>
    public const string UnknownOperation = "DBR010";

    /// <summary>A required parameter is absent.</summary>
    public const string MissingParameter = "DBR011";

    /// <summary>A parameter the operation does not take.</summary>
    public const string UnknownParameter = "DBR012";

    /// <summary>A value that is not a number, an integer or a boolean where one is needed.</summary>
    public const string InvalidValue = "DBR013";

    /// <summary>A value outside the parameter's allowed values.</summary>
    public const string InvalidEnumValue = "DBR014";

    /// <summary>A value that must be a JSON list or map and is not.</summary>
    public const string InvalidJson = "DBR015";

    /// <summary>A column that does not exist at this step (after earlier steps' renames, deletes and additions).</summary>
    public const string UnknownColumn = "DBR016";

    /// <summary>A new column whose name is already taken at this step.</summary>
    public const string ColumnExists = "DBR017";

    /// <summary>A condition name that is not supported, or a condition without the value it needs.</summary>
    public const string InvalidCondition = "DBR018";

    /// <summary>Parameters that exclude each other were both given (e.g. <c>sourceColumn</c> and <c>value</c>).</summary>
    public const string ConflictingParameters = "DBR019";

    /// <summary>ONE_HOT_ENCODING met a column with more distinct values than DataBrew encodes (10).</summary>
    public const string TooManyCategories = "DBR020";

    /// <summary>DuckDB refused a step while running it (e.g. a value that does not convert); the message is DuckDB's.</summary>
    public const string StepFailed = "DBR021";
}
