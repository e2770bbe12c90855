namespace DataPrepWorkflows.Activities.Clean.Recipes;

/// <summary>A DataBrew recipe: an ordered list of steps, as CreateRecipe's <c>Steps</c> or a downloaded recipe file.</summary>
/// <param name="Name">The recipe name when the file carried one.</param>
/// <param name="Steps">The steps, applied in order.</param>
public sealed record Recipe(string? Name, IReadOnlyList<RecipeStep> Steps);

/// <summary>One recipe step: an action and the conditions (all AND-ed) that restrict the rows it applies to.</summary>
/// <param name="Action">The operation and its parameters.</param>
/// <param name="ConditionExpressions">Conditions; the action applies only where every condition holds.</param>
public sealed record RecipeStep(RecipeAction Action, IReadOnlyList<ConditionExpression> ConditionExpressions);

/// <summary>DataBrew's <c>RecipeAction</c>: an operation name and its parameters, every value a string.</summary>
/// <param name="Operation">The operation, e.g. <c>REMOVE_MISSING</c>.</param>
/// <param name="Parameters">Parameter values as DataBrew writes them (lists and maps JSON-encoded inside the string).</param>
public sealed record RecipeAction(string Operation, IReadOnlyDictionary<string, string> Parameters);

/// <summary>DataBrew's <c>ConditionExpression</c>.</summary>
/// <param name="Condition">The condition name, e.g. <c>GREATER_THAN</c>.</param>
/// <param name="Value">The value the condition compares with, when it takes one.</param>
/// <param name="TargetColumn">The column the condition tests.</param>
public sealed record ConditionExpression(string Condition, string? Value, string TargetColumn);
