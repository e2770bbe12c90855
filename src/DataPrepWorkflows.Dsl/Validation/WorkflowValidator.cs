using DataPrepWorkflows.Dsl.Diagnostics;
using DataPrepWorkflows.Dsl.Reading;
using DataPrepWorkflows.Dsl.Validation.Graph;
using DataPrepWorkflows.Dsl.Validation.Inputs;
using DataPrepWorkflows.Dsl.Validation.Structure;
using DataPrepWorkflows.Dsl.Validation.Triggers;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Engine.Expressions;

namespace DataPrepWorkflows.Dsl.Validation;

/// <summary>
/// Validates workflow files against the format and the registered activity descriptors. Returns diagnostics, never
/// throws for anything in the file: structural rules (FluentValidation), then graph rules, then inputs and
/// expressions. Diagnostics come ordered by position in the file. Thread-safe.
/// </summary>
public sealed class WorkflowValidator
{
    private static readonly WorkflowStructureValidator Structure = new();

    private readonly ActivityRegistry _registry;
    private readonly IExpressionEngine _expressions;

    /// <summary>Creates a validator.</summary>
    /// <param name="registry">The activity and trigger types workflows may use.</param>
    /// <param name="expressions">Compiles expressions to find syntax errors; a <see cref="JintExpressionEngine"/> when omitted.</param>
    public WorkflowValidator(ActivityRegistry registry, IExpressionEngine? expressions = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _registry = registry;
        _expressions = expressions ?? new JintExpressionEngine();
    }

    /// <summary>Reads and validates workflow text.</summary>
    public ValidationResult Validate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var read = WorkflowFile.Read(text, _registry);
        if (read.Definition is null)
        {
            return new ValidationResult(null, read.Diagnostics);
        }

        var diagnostics = read.Diagnostics.ToList();
        diagnostics.AddRange(Validate(read.Definition, read.SourceMap).Where(d => !diagnostics.Any(r => r.IsError && r.Path == d.Path)));
        return new ValidationResult(read.Definition, Order(diagnostics));
    }

    /// <summary>Reads and validates a workflow file.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public ValidationResult ValidateFile(string path) => Validate(File.ReadAllText(path));

    /// <summary>Validates a definition (read from a file with <paramref name="map"/>, or built in code).</summary>
    /// <param name="definition">The workflow.</param>
    /// <param name="map">Positions for diagnostics; <see cref="SourceMap.Empty"/> leaves line and column 0.</param>
    public IReadOnlyList<Diagnostic> Validate(WorkflowDefinition definition, SourceMap? map = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        map ??= SourceMap.Empty;
        var diagnostics = new List<Diagnostic>();
        foreach (var failure in Structure.Validate(definition).Errors)
        {
            diagnostics.Add(new Diagnostic(
                DiagnosticSeverity.Error,
                failure.ErrorCode,
                failure.ErrorMessage,
                PropertyPaths.ToPointer(failure.PropertyName, definition)));
        }

        diagnostics.AddRange(FlowchartGraphValidator.Validate(definition, _registry));
        diagnostics.AddRange(InputValidator.Validate(definition, _registry, new ExpressionChecker(_expressions, map)));
        diagnostics.AddRange(TriggerValidator.Validate(definition, _registry));
        return Order(WorkflowFile.Positioned(diagnostics, map));
    }

    private static List<Diagnostic> Order(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Distinct()
            .OrderBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToList();
}

/// <summary>The outcome of validating a workflow file.</summary>
/// <param name="Definition">The workflow as read, or <c>null</c> when the file could not be read at all.</param>
/// <param name="Diagnostics">Every problem found, ordered by position.</param>
public sealed record ValidationResult(WorkflowDefinition? Definition, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Whether any diagnostic is an error (the workflow must not run).</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
