using DataPrepWorkflows.Dsl.Diagnostics;
using DataPrepWorkflows.Engine.Activities;
using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Descriptors;
using DataPrepWorkflows.Engine.Expressions;
using DataPrepWorkflows.Events.Triggers;

namespace DataPrepWorkflows.Dsl.Validation.Triggers;

/// <summary>
/// Checks event triggers the way publishing compiles them (<see cref="TriggerCompiler"/>): the pattern EventBridge
/// would accept, the bucket name, inputs that exclude each other, batching and the deduplication window. Missing
/// inputs, wrong JSON types and expressions are left to the generic input checks, which already report them. Other
/// trigger types (schedules, plugins) check their own inputs through <see cref="TriggerActivity.ValidateInputs"/>.
/// </summary>
internal static class TriggerValidator
{
    public static IEnumerable<Diagnostic> Validate(WorkflowDefinition definition, ActivityRegistry registry)
    {
        for (var i = 0; i < definition.Triggers.Count; i++)
        {
            var trigger = definition.Triggers[i];
            if (registry.Find(trigger.Type) is not { Kind: ActivityKind.Trigger } descriptor
                || trigger.Inputs.Any(p => ValueSyntax.FindDynamicParts(p.Value).Any()))
            {
                continue;
            }

            var who = $"Trigger {trigger.Id ?? i.ToString(System.Globalization.CultureInfo.InvariantCulture)} ({trigger.Type})";
            if (!EventTriggerTypes.IsEventTrigger(trigger.Type))
            {
                if (descriptor.Factory?.Invoke() is TriggerActivity plugin)
                {
                    var inputs = trigger.Inputs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
                    foreach (var problem in plugin.ValidateInputs(inputs))
                    {
                        yield return new Diagnostic(DiagnosticSeverity.Error, problem.Code, $"{who}: {problem.Message}", $"/triggers/{i}/{problem.Input}");
                    }
                }

                continue;
            }

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
