namespace DataPrepWorkflows.Activities.Clean;

/// <summary>The error names the Clean activity faults with.</summary>
public static class CleanErrors
{
    /// <summary>The recipe failed validation (or a step could not run on the data); the message lists the diagnostics.</summary>
    public const string InvalidRecipe = "DataBrew.InvalidRecipe";

    /// <summary>The recipe file could not be found or read.</summary>
    public const string RecipeNotFound = "DataBrew.RecipeNotFound";

    /// <summary>An input is malformed (output table name, format).</summary>
    public const string InvalidInput = "DataBrew.InvalidInput";

    /// <summary>The data could not be read, or the output could not be written.</summary>
    public const string DataError = "DataBrew.DataError";
}
