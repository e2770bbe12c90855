using DataPrepWorkflows.Dsl.Diagnostics;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Engine.Expressions;
using FluentValidation;

namespace DataPrepWorkflows.Dsl.Validation.Structure;

/// <summary>Structural rules of the workflow file that need no descriptor: required properties, ids, declarations.</summary>
internal sealed class WorkflowStructureValidator : AbstractValidator<WorkflowDefinition>
{
    public static readonly string[] DeclarableTypes =
    [
        InputTypes.String, InputTypes.Integer, InputTypes.Number, InputTypes.Boolean, InputTypes.Object,
        InputTypes.Array, InputTypes.Duration, InputTypes.DateTime, InputTypes.Any,
    ];

    public WorkflowStructureValidator()
    {
        RuleFor(w => w.Id).NotEmpty().WithErrorCode(DiagnosticCodes.MissingProperty)
            .WithMessage("The workflow has no 'id'; add a readable kebab-case id such as \"loan-prep\".")
            .DependentRules(() => RuleFor(w => w.Id).Must(Ids.IsValid).WithErrorCode(DiagnosticCodes.InvalidId)
                .WithMessage(w => $"Workflow id '{w.Id}' is not kebab-case; use lower-case letters, digits and single dashes, for example \"{Ids.Suggest(w.Id)}\"."));
        RuleFor(w => w.Version).GreaterThan(0).WithErrorCode(DiagnosticCodes.MissingProperty)
            .WithMessage("The workflow has no 'version'; add \"version\": 1 and raise it on each published change.");
        RuleFor(w => w.Name).NotEmpty().WithErrorCode(DiagnosticCodes.MissingProperty)
            .WithMessage("The workflow has no 'name'; add a human-readable name.");
        RuleFor(w => w.Description).NotEmpty().WithErrorCode(DiagnosticCodes.MissingProperty)
            .WithMessage("The workflow has no 'description'; say in a sentence what it does, for reviewers.");
        RuleFor(w => w.Activities).NotEmpty().WithErrorCode(DiagnosticCodes.MissingProperty)
            .WithMessage("The workflow has no 'activities'; add at least one activity.");
        RuleForEach(w => w.Activities).SetValidator(new ActivityStructureValidator());
        RuleForEach(w => w.Triggers).ChildRules(trigger => trigger.RuleFor(t => t.Type).NotEmpty()
            .WithErrorCode(DiagnosticCodes.MissingProperty)
            .WithMessage("A trigger has no 'type'; set it to a trigger type such as \"S3ObjectCreated\"."));
        RuleForEach(w => w.Inputs).ChildRules(input =>
        {
            input.RuleFor(i => i.Type).Must(t => DeclarableTypes.Contains(t)).WithErrorCode(DiagnosticCodes.InvalidDeclaration)
                .WithMessage(i => $"Workflow input '{i.Name}' has type '{i.Type}', which is not a type; use one of {string.Join(", ", DeclarableTypes)}.{Suggestions.Hint(i.Type, DeclarableTypes)}");
            input.RuleFor(i => i.Default).Must((i, d) => !DeclarableTypes.Contains(i.Type) || d is null || InputTypeCheck.Matches(d, i.Type))
                .WithErrorCode(DiagnosticCodes.InvalidDeclaration)
                .WithMessage(i => $"The default of workflow input '{i.Name}' is {Reading.JsonShape.Describe(i.Default)}, but its type is '{i.Type}'; change the default or the type.");
            input.RuleFor(i => i.Name).Must(Ids.IsName).WithErrorCode(DiagnosticCodes.InvalidDeclaration)
                .WithMessage(i => $"Workflow input name '{i.Name}' cannot be read as inputs.{i.Name} in expressions; use letters, digits and '_' (camelCase).");
        });
        RuleForEach(w => w.Variables).ChildRules(variable =>
        {
            variable.RuleFor(v => v.Type).Must(t => DeclarableTypes.Contains(t)).WithErrorCode(DiagnosticCodes.InvalidDeclaration)
                .WithMessage(v => $"Variable '{v.Name}' has type '{v.Type}', which is not a type; use one of {string.Join(", ", DeclarableTypes)}.{Suggestions.Hint(v.Type, DeclarableTypes)}");
            variable.RuleFor(v => v.Value)
                .Must((v, value) => !DeclarableTypes.Contains(v.Type) || value is null || ValueSyntax.IsDynamic(value) || InputTypeCheck.Matches(value, v.Type))
                .WithErrorCode(DiagnosticCodes.InvalidDeclaration)
                .WithMessage(v => $"The initial value of variable '{v.Name}' is {Reading.JsonShape.Describe(v.Value)}, but its type is '{v.Type}'; change the value or the type.");
            variable.RuleFor(v => v.Name).Must(Ids.IsName).WithErrorCode(DiagnosticCodes.InvalidDeclaration)
                .WithMessage(v => $"Variable name '{v.Name}' cannot be read as variables.{v.Name} in expressions; use letters, digits and '_' (camelCase).");
        });
    }
}
