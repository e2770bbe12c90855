namespace DataPrepWorkflows.Activities.Clean.Operations;

/// <summary>Changing a column's data type; values that do not convert become missing, as in DataBrew.</summary>
internal static class TypeOperations
{
    private const string Category = "Data types";

    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["byte"] = "TINYINT",
        ["short"] = "SMALLINT",
        ["int"] = "INTEGER",
        ["integer"] = "INTEGER",
        ["long"] = "BIGINT",
        ["float"] = "FLOAT",
        ["double"] = "DOUBLE",
        ["decimal"] = "DECIMAL(38, 10)",
        ["string"] = "VARCHAR",
        ["boolean"] = "BOOLEAN",
        ["timestamp"] = "TIMESTAMP",
        ["date"] = "DATE",
    };

    public static IEnumerable<OperationDefinition> All()
    {
        yield return new("CHANGE_DATA_TYPE", Category, "Converts sourceColumn to columnDataType; values that do not convert become missing.",
            [P.Source, P.Choice("columnDataType", "The new type.", ["byte", "short", "int", "long", "float", "double", "decimal", "string", "boolean", "timestamp", "date"])])
        {
            Compiler = s => Convert(s, Types[s.Text("columnDataType")]),
        };
        yield return Legacy("TO_NUMBER_COLUMN", "a number (double)", "DOUBLE");
        yield return Legacy("TO_DOUBLE_COLUMN", "a double", "DOUBLE");
        yield return Legacy("TO_STRING_COLUMN", "text", "VARCHAR");
        yield return Legacy("TO_BOOLEAN_COLUMN", "a boolean", "BOOLEAN");
    }

    private static StepPlan Convert(StepContext s, string type)
    {
        var col = s.Col("sourceColumn");
        var expression = type == "BOOLEAN" ? $"TRY_CAST(trim(CAST({col} AS VARCHAR)) AS BOOLEAN)" : $"TRY_CAST({col} AS {type})";
        return s.Replace(s.Column("sourceColumn"), expression);
    }

    private static OperationDefinition Legacy(string name, string what, string type) =>
        new(name, Category, $"Converts sourceColumn to {what} (older form of CHANGE_DATA_TYPE).", [P.Source, P.Text("columnDataType", "Accepted for compatibility; the operation fixes the type.", false)])
        {
            Compiler = s => Convert(s, type),
        };
}
