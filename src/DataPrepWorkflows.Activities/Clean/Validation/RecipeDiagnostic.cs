using System.Globalization;
using System.Text;

namespace DataPrepWorkflows.Activities.Clean.Validation;

/// <summary>A problem found in a recipe, before any data is touched.</summary>
/// <param name="Code">A stable code from <see cref="RecipeDiagnosticCodes"/>.</param>
/// <param name="Step">The 1-based step number, or <see langword="null"/> for the recipe as a whole.</param>
/// <param name="Operation">The step's operation, when known.</param>
/// <param name="Parameter">The parameter (or <c>ConditionExpressions[i]</c>) at fault, when there is one.</param>
/// <param name="Message">What is wrong and what to do.</param>
public sealed record RecipeDiagnostic(string Code, int? Step, string? Operation, string? Parameter, string Message)
{
    /// <summary>One line: <c>DBR016 step 3 (RENAME) sourceColumn: …</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Code);
        if (Step is { } step)
        {
            text.Append(CultureInfo.InvariantCulture, $" step {step}");
        }

        if (Operation is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $" ({Operation})");
        }

        if (Parameter is not null)
        {
            text.Append(' ').Append(Parameter);
        }

        return text.Append(": ").Append(Message).ToString();
    }
}
