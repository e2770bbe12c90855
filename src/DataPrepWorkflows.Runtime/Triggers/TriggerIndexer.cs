using DataPrepWorkflows.Engine.Definitions;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Persistence;
using DataPrepWorkflows.Runtime.Execution;

namespace DataPrepWorkflows.Runtime.Triggers;

/// <summary>
/// What a published version puts in the trigger index: one <see cref="StoredTrigger"/> per declared trigger, holding
/// the payload its activity returns from <c>GetTriggerPayloads()</c> (the index keeps one row per trigger position, so
/// a trigger returning several payloads is refused at publish). A payload's string property <c>key</c>, when present,
/// becomes the lookup key (an HTTP endpoint's method and path, for example).
/// </summary>
internal static class TriggerIndexer
{
    /// <exception cref="WorkflowDefinitionException">A trigger type is not registered or its inputs do not bind.</exception>
    public static List<StoredTrigger> Index(WorkflowEngine engine, WorkflowDefinition definition)
    {
        var triggers = new List<StoredTrigger>();
        for (var i = 0; i < definition.Triggers.Count; i++)
        {
            var declared = definition.Triggers[i];
            var payloads = engine.CreateTrigger(declared).GetTriggerPayloads();
            if (payloads.Count != 1)
            {
                throw new WorkflowDefinitionException("ENG014",
                    $"Trigger {i} ('{declared.Id ?? declared.Type}') returned {payloads.Count} payloads to index; the trigger index holds exactly one per trigger.");
            }

            var payload = payloads[0];
            triggers.Add(new StoredTrigger(definition.Id, definition.Version, i, declared.Type, LookupKey.Of(payload), payload.ToJsonString()));
        }

        return triggers;
    }
}
