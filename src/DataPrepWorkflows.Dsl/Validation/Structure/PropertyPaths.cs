using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Expressions;

namespace DataPrepWorkflows.Dsl.Validation.Structure;

/// <summary>
/// Turns FluentValidation property paths (<c>Activities[0].Retry[1].MaxAttempts</c>) into JSON pointers of the file
/// (<c>/activities/0/retry/1/maxAttempts</c>); inputs and variables are objects in the file, so their index becomes
/// their name.
/// </summary>
internal static partial class PropertyPaths
{
    public static string ToPointer(string propertyPath, WorkflowDefinition definition)
    {
        if (string.IsNullOrEmpty(propertyPath))
        {
            return "";
        }

        var pointer = new StringBuilder();
        foreach (var segment in propertyPath.Split('.'))
        {
            var match = Segment().Match(segment);
            if (!match.Success)
            {
                pointer.Append('/').Append(Camel(segment));
                continue;
            }

            var name = match.Groups["name"].Value;
            var index = match.Groups["index"].Success ? int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture) : -1;
            pointer.Append('/').Append(Camel(name));
            if (index < 0)
            {
                continue;
            }

            // Only the top level has name-keyed sections; nested ones (retry, catch, body) are arrays.
            var key = pointer.Length == name.Length + 1 ? name switch
            {
                "Inputs" when index < definition.Inputs.Count => definition.Inputs[index].Name,
                "Variables" when index < definition.Variables.Count => definition.Variables[index].Name,
                _ => null,
            } : null;
            pointer.Append('/').Append(key is null ? index.ToString(CultureInfo.InvariantCulture) : ValueSyntax.EscapePointerSegment(key));
        }

        return pointer.ToString();
    }

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    [GeneratedRegex(@"^(?<name>[A-Za-z]+)(\[(?<index>\d+)\])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Segment();
}
