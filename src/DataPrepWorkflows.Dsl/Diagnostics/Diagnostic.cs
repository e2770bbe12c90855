using System.Globalization;
using System.Text.Json.Serialization;

namespace DataPrepWorkflows.Dsl.Diagnostics;

/// <summary>
/// One problem found in a workflow file, in the shape compilers and CI tools understand. With camelCase JSON options it
/// serialises as <c>{"severity": "error", "code", "message", "path", "line", "column"}</c>.
/// </summary>
/// <param name="Severity">Error (the workflow cannot run) or warning (it runs, but probably not as meant).</param>
/// <param name="Code">Stable code, <c>DPW001</c>…; see <see cref="DiagnosticCodes"/> and docs/dsl-reference.md.</param>
/// <param name="Message">What is wrong and what to do, naming the activity and field.</param>
/// <param name="Path">JSON pointer of the offending value (<c>/activities/2/inputs/ruleset</c>); <c>""</c> for the file.</param>
/// <param name="Line">1-based line in the file, or 0 when unknown.</param>
/// <param name="Column">1-based column in the file, or 0 when unknown.</param>
public sealed record Diagnostic(DiagnosticSeverity Severity, string Code, string Message, string Path, int Line = 0, int Column = 0)
{
    /// <summary>Whether this is an error.</summary>
    [JsonIgnore]
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>Compiler-style text: <c>file(line,col): error DPW004: message</c>.</summary>
    public string ToString(string file) => string.Create(
        CultureInfo.InvariantCulture,
        $"{file}({Line},{Column}): {(IsError ? "error" : "warning")} {Code}: {Message}");

    /// <inheritdoc />
    public override string ToString() => ToString("workflow");
}

/// <summary>How serious a <see cref="Diagnostic"/> is; serialised as <c>"error"</c> or <c>"warning"</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DiagnosticSeverity>))]
public enum DiagnosticSeverity
{
    /// <summary>The workflow cannot run as written.</summary>
    [JsonStringEnumMemberName("error")]
    Error,

    /// <summary>The workflow runs, but probably not as meant.</summary>
    [JsonStringEnumMemberName("warning")]
    Warning,
}
