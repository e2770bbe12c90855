using DataPrepWorkflows.Dsl.Diagnostics;
using DataPrepWorkflows.Engine.Definitions;
using FluentValidation;

namespace DataPrepWorkflows.Dsl.Validation.Structure;

/// <summary>Structural rules of one activity, its retriers and catchers (Step Functions rules), and its body.</summary>
internal sealed class ActivityStructureValidator : AbstractValidator<ActivityNode>
{
    private const string All = "States.ALL";

    public ActivityStructureValidator()
    {
        RuleFor(a => a.Id).NotEmpty().WithErrorCode(DiagnosticCodes.MissingProperty)
            .WithMessage(a => $"An activity of type '{a.Type}' has no 'id'; add a readable kebab-case id such as \"{Ids.Suggest(a.Type)}\".")
            .DependentRules(() => RuleFor(a => a.Id).Must(Ids.IsValid).WithErrorCode(DiagnosticCodes.InvalidId)
                .WithMessage(a => $"Activity id '{a.Id}' is not kebab-case; use lower-case letters, digits and single dashes, for example \"{Ids.Suggest(a.Id)}\"."));
        RuleFor(a => a.Type).NotEmpty().WithErrorCode(DiagnosticCodes.MissingProperty)
            .WithMessage(a => $"Activity '{a.Id}' has no 'type'; set it to an activity type (`dataprep activities` lists them).");

        RuleForEach(a => a.Retry).ChildRules(retry =>
        {
            retry.RuleFor(r => r.ErrorEquals).NotEmpty().WithErrorCode(DiagnosticCodes.MalformedRetry)
                .WithMessage("A retry entry has no 'errorEquals'; list the errors it retries, for example [\"States.ALL\"].");
            retry.RuleFor(r => r.IntervalSeconds).GreaterThanOrEqualTo(1).WithErrorCode(DiagnosticCodes.MalformedRetry)
                .WithMessage(r => $"'intervalSeconds' is {r.IntervalSeconds}; it must be at least 1.");
            retry.RuleFor(r => r.MaxAttempts).GreaterThanOrEqualTo(0).WithErrorCode(DiagnosticCodes.MalformedRetry)
                .WithMessage(r => $"'maxAttempts' is {r.MaxAttempts}; it must be 0 (never retry) or more.");
            retry.RuleFor(r => r.BackoffRate).GreaterThanOrEqualTo(1.0).WithErrorCode(DiagnosticCodes.MalformedRetry)
                .WithMessage(r => $"'backoffRate' is {r.BackoffRate}; it must be at least 1.0 (1.0 waits the same interval every time).");
            retry.RuleFor(r => r.MaxDelaySeconds).GreaterThanOrEqualTo(1).When(r => r.MaxDelaySeconds is not null)
                .WithErrorCode(DiagnosticCodes.MalformedRetry)
                .WithMessage(r => $"'maxDelaySeconds' is {r.MaxDelaySeconds}; it must be at least 1, or left out for no cap.");
        });
        RuleFor(a => a.Retry).Must(r => AllIsAloneAndLast(r.Select(x => x.ErrorEquals).ToList()))
            .WithErrorCode(DiagnosticCodes.MalformedRetry)
            .WithMessage(a => $"In the retry of activity '{a.Id}', \"States.ALL\" must be alone in its 'errorEquals' and in the last retry entry; move it to a final entry of its own.");

        RuleForEach(a => a.Catch).ChildRules(c =>
        {
            c.RuleFor(x => x.ErrorEquals).NotEmpty().WithErrorCode(DiagnosticCodes.MalformedCatch)
                .WithMessage("A catch entry has no 'errorEquals'; list the errors it catches, for example [\"States.ALL\"].");
            c.RuleFor(x => x.Next).NotEmpty().WithErrorCode(DiagnosticCodes.MalformedCatch)
                .WithMessage("A catch entry has no 'next'; name the activity that handles the error.");
        });
        RuleFor(a => a.Catch).Must(c => AllIsAloneAndLast(c.Select(x => x.ErrorEquals).ToList()))
            .WithErrorCode(DiagnosticCodes.MalformedCatch)
            .WithMessage(a => $"In the catch of activity '{a.Id}', \"States.ALL\" must be alone in its 'errorEquals' and in the last catch entry; move it to a final entry of its own.");

        RuleForEach(a => a.Body).SetValidator(this);
    }

    private static bool AllIsAloneAndLast(List<IReadOnlyList<string>> entries)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Contains(All) && (entries[i].Count > 1 || i < entries.Count - 1))
            {
                return false;
            }
        }

        return true;
    }
}
