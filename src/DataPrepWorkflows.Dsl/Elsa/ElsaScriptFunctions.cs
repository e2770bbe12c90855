using System.Text.RegularExpressions;

namespace DataPrepWorkflows.Dsl.Elsa;

/// <summary>
/// Rewrites the functions Elsa 3 gives JavaScript expressions into our expression scope: <c>getVariable("x")</c> and
/// <c>getX()</c> (for a declared variable x) become <c>variables.x</c>, <c>getInput("x")</c> becomes <c>inputs.x</c>.
/// </summary>
internal static partial class ElsaScriptFunctions
{
    /// <summary>The rewritten code, or <c>null</c> when it uses none of Elsa's functions.</summary>
    public static string? Rewrite(string code, IReadOnlyCollection<string> variables)
    {
        var rewritten = NamedCall().Replace(code, m => (m.Groups[1].Value == "Variable" ? "variables." : "inputs.") + m.Groups[2].Value);
        rewritten = Getter().Replace(rewritten, m => variables.Contains(m.Groups[1].Value) ? "variables." + m.Groups[1].Value : m.Value);
        return rewritten == code ? null : rewritten;
    }

    [GeneratedRegex("""\bget(Variable|Input)\(\s*["']([A-Za-z_$][A-Za-z0-9_$]*)["']\s*\)""", RegexOptions.CultureInvariant)]
    private static partial Regex NamedCall();

    [GeneratedRegex(@"\bget([A-Za-z_$][A-Za-z0-9_$]*)\(\s*\)", RegexOptions.CultureInvariant)]
    private static partial Regex Getter();
}
