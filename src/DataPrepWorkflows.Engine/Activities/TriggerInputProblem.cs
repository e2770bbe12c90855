namespace DataPrepWorkflows.Engine.Activities;

/// <summary>A problem <see cref="TriggerActivity.ValidateInputs"/> found in one of a trigger's inputs.</summary>
/// <param name="Code">Stable diagnostic code (the trigger's plugin documents its range).</param>
/// <param name="Input">The input at fault, as named in the workflow file.</param>
/// <param name="Message">What is wrong and what to write instead.</param>
public sealed record TriggerInputProblem(string Code, string Input, string Message);
