namespace DataPrepWorkflows.Dsl.Reading;

/// <summary>Where a JSON value sits in its file.</summary>
/// <param name="Line">1-based line of the property name (or of the value for array items and the root).</param>
/// <param name="Column">1-based column of the property name (or of the value).</param>
/// <param name="ValueLine">1-based line where the value starts.</param>
/// <param name="ValueColumn">1-based column where the value starts (the opening quote of a string).</param>
public readonly record struct SourcePosition(int Line, int Column, int ValueLine, int ValueColumn);
