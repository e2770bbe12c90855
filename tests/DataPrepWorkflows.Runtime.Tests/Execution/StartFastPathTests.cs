using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Runtime.Execution;
using DataPrepWorkflows.Runtime.Tests.Support;
using static DataPrepWorkflows.Runtime.Tests.Support.Workflows;

namespace DataPrepWorkflows.Runtime.Tests.Execution;

/// <summary>
/// A start for a generated instance id skips the instance read on its first claim; a start for a caller's id, or one
/// claimed again, reads the instance as before.
/// </summary>
public sealed class StartFastPathTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public void OnlyAPayloadWrittenForANewInstance_IsMarked()
    {
        Assert.True(StartPayload.IsForNewInstance(StartPayload.Write(null, null, null, newInstance: true)));
        Assert.False(StartPayload.IsForNewInstance(StartPayload.Write(null, null, null)));
        Assert.False(StartPayload.IsForNewInstance(StartPayload.Write(new JsonObject { ["newInstance"] = true }, null, null)));
        Assert.False(StartPayload.IsForNewInstance(null));
    }

    [Fact]
    public void TheMark_DoesNotChangeWhatTheStartReads()
    {
        var inputs = new JsonObject { ["count"] = 3 };
        var marked = StartPayload.Read(StartPayload.Write(inputs, JsonValue.Create("t"), "c-1", newInstance: true));
        var plain = StartPayload.Read(StartPayload.Write(inputs, JsonValue.Create("t"), "c-1"));
        Assert.Equal(plain.Inputs!.ToJsonString(), marked.Inputs!.ToJsonString());
        Assert.Equal((plain.Trigger!.ToJsonString(), plain.CorrelationId), (marked.Trigger!.ToJsonString(), marked.CorrelationId));
    }

    [Fact]
    public async Task GeneratedIds_AreTimeOrdered_SoANewInstanceAndItsJournalLandNextToTheLastOnes()
    {
        // Rows keyed by time-ordered ids append at the end of the store's indexes instead of at random pages, so a
        // group of commits dirties a few pages instead of one per row.
        await using var h = await RuntimeHarness.CreateAsync();
        var node = h.Node();
        await h.PublishAsync(node, Chain("ordered", ("a", "Step", Text("1"))));
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await node.StartAsync(new StartWorkflowRequest { WorkflowId = "ordered" }, None)).InstanceId);
            await Task.Delay(3);
        }

        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.All(ids, id => Assert.Equal(7, Guid.ParseExact(id, "N").Version));
    }

    [Fact]
    public async Task AStartForACallersIdThatAlreadyRan_IsDropped_WithoutRunningAgain()
    {
        await using var h = await RuntimeHarness.CreateAsync();
        var node = h.Node();
        await h.PublishAsync(node, Chain("once", ("a", "Step", Text("1"))));

        await node.StartAsync(new StartWorkflowRequest { WorkflowId = "once", InstanceId = "fixed-1" }, None);
        await node.RunUntilIdleAsync(None);
        var first = await h.InstanceAsync("fixed-1");
        await node.StartAsync(new StartWorkflowRequest { WorkflowId = "once", InstanceId = "fixed-1" }, None);
        await node.RunUntilIdleAsync(None);

        var again = await h.InstanceAsync("fixed-1");
        Assert.Equal((WorkflowStatus.Finished, first.Revision), (again.Status, again.Revision));
        Assert.Equal(1, h.World.Count("a"));
        Assert.Empty(await h.Store.Work.ListForInstanceAsync("fixed-1", None));
    }

    [Fact]
    public async Task ACancelQueuedBeforeTheStartRan_IsSeenByTheFastPath_AsByTheReadingPath()
    {
        await using var h = await RuntimeHarness.CreateAsync();
        var node = h.Node();
        await h.PublishAsync(node, Chain("cancelled", ("a", "Step", Text("1")), ("b", "Step", Text("2"))));

        var generated = await node.StartAsync(new StartWorkflowRequest { WorkflowId = "cancelled" }, None);
        await node.StartAsync(new StartWorkflowRequest { WorkflowId = "cancelled", InstanceId = "callers-1" }, None);
        // Due after the starts: items due at the same instant are claimed in id order, a cancel possibly first.
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await node.CancelAsync(generated.InstanceId, None));
        Assert.True(await node.CancelAsync("callers-1", None));
        await node.RunUntilIdleAsync(None);

        var fast = await h.InstanceAsync(generated.InstanceId);
        var read = await h.InstanceAsync("callers-1");
        Assert.Equal((WorkflowStatus.Cancelled, WorkflowStatus.Cancelled), (read.Status, fast.Status));
        Assert.Equal(WorkflowInstanceState.FromJson(read.State.Span).Scopes["root"].Activities.Count, WorkflowInstanceState.FromJson(fast.State.Span).Scopes["root"].Activities.Count);
        Assert.Equal(0, h.World.Count("b") % 2);
        Assert.Empty(await h.Store.Work.ListForInstanceAsync(generated.InstanceId, None));
    }

    [Fact]
    public async Task ACancelDueAtTheSameInstantAsItsStart_WaitsForTheStart_WhateverTheItemIds()
    {
        await using var h = await RuntimeHarness.CreateAsync();
        var node = h.Node();
        await h.PublishAsync(node, Chain("raced", ("a", "Step", Text("1")), ("b", "Step", Text("2"))));
        var ids = Enumerable.Range(0, 20).Select(i => $"raced-{i}").ToList();

        // Work item ids are random, so without the start going first about half of these cancels would be claimed
        // before their start, find no instance and be dropped while the start then ran to the end.
        foreach (var id in ids)
        {
            await node.StartAsync(new StartWorkflowRequest { WorkflowId = "raced", InstanceId = id }, None);
            Assert.True(await node.CancelAsync(id, None));
        }

        await node.RunUntilIdleAsync(None);

        foreach (var id in ids)
        {
            Assert.Equal((id, WorkflowStatus.Cancelled), (id, (await h.InstanceAsync(id)).Status));
            Assert.Empty(await h.Store.Work.ListForInstanceAsync(id, None));
        }
    }
}
