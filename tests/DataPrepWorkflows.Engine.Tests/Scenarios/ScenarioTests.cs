using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Engine.Tests.Support;

namespace DataPrepWorkflows.Engine.Tests.Scenarios;

/// <summary>
/// Scenario tests as data: each <c>Scenarios/*.json</c> holds a workflow (and any child workflows), its inputs,
/// signals to send when it waits, and the expected status, outputs, error and activity trace of the root instance.
/// The runner drives durable timers on a manual clock.
/// </summary>
public sealed class ScenarioTests
{
    private static readonly JournalEvent[] Traced =
        [JournalEvent.Completed, JournalEvent.Faulted, JournalEvent.Retried, JournalEvent.Skipped, JournalEvent.Suspended, JournalEvent.Resumed, JournalEvent.Cancelled];

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Scenarios"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Scenario(string file)
    {
        var scenario = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Scenarios", file)))!.AsObject();
        var workflow = DefinitionReader.Read(scenario["workflow"]!.AsObject());
        var children = scenario["children"]?.AsArray().Select(c => DefinitionReader.Read(c!.AsObject())).ToList() ?? [];
        var h = new Harness(children: children);
        h.Clock.AutoAdvance = true;
        var runner = new WorkflowRunner(h.Engine);

        var result = await runner.RunAsync(workflow, new WorkflowStartRequest { InstanceId = "scenario", Inputs = scenario["inputs"]?.DeepClone().AsObject() })
            .WaitAsync(TimeSpan.FromSeconds(30));
        var journal = new List<JournalEntry>(result.Journal);
        foreach (var signal in scenario["signals"]?.AsArray() ?? [])
        {
            var bookmark = result.Bookmarks.First(b => b.Name == (string)signal!["name"]!);
            result = await h.Engine.ResumeAsync(workflow, result.State, bookmark.Id, signal!["payload"]?.DeepClone());
            journal.AddRange(result.Journal);
            result = await runner.ContinueAsync(workflow, result.State).WaitAsync(TimeSpan.FromSeconds(30));
            journal.AddRange(result.Journal);
        }

        var expect = scenario["expect"]!.AsObject();
        Assert.Equal((string)expect["status"]!, result.Status.ToString());
        if (expect["outputs"] is { } outputs)
        {
            Assert.Equal(outputs.ToJsonString(), result.Outputs.ToJsonString());
        }

        if (expect["error"] is { } error)
        {
            Assert.Equal((string)error["error"]!, result.Error?.Error);
            Assert.Equal((string)error["activityId"]!, result.Error?.ActivityId);
        }

        if (expect["trace"] is JsonArray trace)
        {
            var actual = journal.Where(e => e.WorkflowInstanceId == "scenario" && e.ScopeId is null).Trace(Traced);
            Assert.Equal(trace.Select(t => (string)t!), actual);
        }
    }
}
