using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Activities;

namespace DataPrepWorkflows.Activities.GlueJob;

/// <summary>Glue-shaped job run ids (<c>jr_</c> and 64 hex digits) that double as idempotency tokens.</summary>
internal static class JobRunId
{
    /// <summary>
    /// The id for this execution: from <c>clientRequestToken</c> when given, otherwise derived from the instance, the
    /// activity, the attempt and the evaluated inputs, so re-running the same step finds the same run while a
    /// <c>retry</c> attempt or a ForEach item with other inputs gets a run of its own.
    /// </summary>
    public static string For(ActivityContext context, string? clientRequestToken)
    {
        var seed = clientRequestToken is { Length: > 0 } token
            ? "token\n" + token
            : string.Join('\n', context.WorkflowInstanceId, context.ActivityId, context.Attempt, new JsonObject(context.Inputs.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))).ToJsonString());
        return "jr_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)));
    }
}
