using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DataPrepWorkflows.Engine.Execution;

namespace DataPrepWorkflows.Cli.Run;

/// <summary>
/// Keeps each local run's final state and journal under <c>.dataprep/runs/&lt;instance&gt;/</c> so a run can be inspected
/// after the fact (and resumed from its state by the runtime).
/// </summary>
internal static class RunRecord
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static void Save(string stateFolder, WorkflowRunResult result)
    {
        var folder = Path.Combine(stateFolder, "runs", result.InstanceId);
        Directory.CreateDirectory(folder);
        WriteAtomically(Path.Combine(folder, "state.json"), result.State.ToJson());
        var journal = new JsonArray(result.Journal.Select(e => JsonSerializer.SerializeToNode(e, Options)).ToArray());
        WriteAtomically(Path.Combine(folder, "journal.json"), journal.ToJsonString(Options));
    }

    private static void WriteAtomically(string path, string content)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }
}
