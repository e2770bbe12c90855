namespace DataPrepWorkflows.Activities.Clean.Operations;

/// <summary>Short constructors for the parameters the operation tables declare over and over.</summary>
internal static class P
{
    public static OperationParameter Source { get; } = new("sourceColumn", ParameterKind.Column, true, "The column to work on.");

    public static OperationParameter Target { get; } = new("targetColumn", ParameterKind.NewColumn, true, "The name of the new column.");

    public static OperationParameter OptionalSource { get; } = new("sourceColumn", ParameterKind.Column, false, "The column to read (or give value).");

    public static OperationParameter Value { get; } = new("value", ParameterKind.Text, false, "A constant to use instead of sourceColumn.");

    public static OperationParameter Col(string name, string description, bool required = true) => new(name, ParameterKind.Column, required, description);

    public static OperationParameter Cols(string name, string description, bool required = true) => new(name, ParameterKind.ColumnList, required, description);

    public static OperationParameter New(string name, string description, bool required = true) => new(name, ParameterKind.NewColumn, required, description);

    public static OperationParameter Text(string name, string description, bool required = true, string? @default = null) =>
        new(name, ParameterKind.Text, required, description) { Default = @default };

    public static OperationParameter Number(string name, string description, bool required = true, string? @default = null) =>
        new(name, ParameterKind.Number, required, description) { Default = @default };

    public static OperationParameter Integer(string name, string description, bool required = true, string? @default = null) =>
        new(name, ParameterKind.Integer, required, description) { Default = @default };

    public static OperationParameter Bool(string name, string description, string @default = "false") =>
        new(name, ParameterKind.Boolean, false, description) { Default = @default };

    public static OperationParameter Choice(string name, string description, IReadOnlyList<string> values, bool required = true, string? @default = null) =>
        new(name, ParameterKind.Choice, required, description) { AllowedValues = values, Default = @default };

    public static OperationParameter List(string name, string description, bool required = true) => new(name, ParameterKind.JsonList, required, description);

    public static OperationParameter Map(string name, string description, bool required = true) => new(name, ParameterKind.JsonMap, required, description);

    /// <summary>DataBrew's <c>columnDataType</c> values for data-quality steps.</summary>
    public static OperationParameter DataType(bool required = true) =>
        Choice("columnDataType", "The type the column's values should have.", ["string", "number", "boolean", "date", "timestamp", "unsupported"], required, required ? null : "string");
}
