using DataPrepWorkflows.Dsl.Diagnostics;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Engine.Expressions;
using DataPrepWorkflows.Events.Triggers;

namespace DataPrepWorkflows.Dsl.Validation.Triggers;

/// <summary>
/// Checks event triggers the way publishing compiles them (<see cref="TriggerCompiler"/>): the pattern EventBridge
/// would accept, the bucket name, inputs that exclude each other, batching and the deduplication window. Missing
/// inputs, wrong JSON types and expressions are left to the generic input checks, which already report them.
/// </summary>
internal static class TriggerValidator
{
    public static IEnumerable<Diagnostic> Validate(WorkflowDefinition definition, ActivityRegistry registry)
    {
        for (var i = 0; i < definition.Triggers.Count; i++)
        {
            var trigger = definition.Triggers[i];
            if (!EventTriggerTypes.IsEventTrigger(trigger.Type)
                || registry.Find(trigger.Type) is not { Kind: ActivityKind.Trigger }
                || trigger.Inputs.Any(p => ValueSyntax.FindDynamicParts(p.Value).Any()))
            {
                continue;
            }

            var who = $"Trigger {trigger.Id ?? i.ToString(System.Globalization.CultureInfo.InvariantCulture)} ({trigger.Type})";
            foreach (var problem in TriggerCompiler.Compile(trigger.Type, trigger.Inputs).Problems)
            {
                if (problem.Kind == TriggerProblemKind.InvalidInput)
                {
                    continue;
                }

                var path = problem.Input.Length == 0 ? $"/triggers/{i}" : $"/triggers/{i}/{problem.Input}";
                yield return new Diagnostic(DiagnosticSeverity.Error, Code(problem.Kind), $"{who}: {problem.Message}", path);
            }
        }
    }

    private static string Code(TriggerProblemKind kind) => kind switch
    {
        TriggerProblemKind.InvalidPattern => DiagnosticCodes.InvalidTriggerPattern,
        TriggerProblemKind.InvalidBucketName => DiagnosticCodes.InvalidTriggerBucket,
        TriggerProblemKind.ConflictingInputs => DiagnosticCodes.ConflictingTriggerInputs,
        TriggerProblemKind.InvalidBatch => DiagnosticCodes.InvalidTriggerBatch,
        _ => DiagnosticCodes.InvalidDedupeWindow,
    };
}
