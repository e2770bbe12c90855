using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Engine.Tests.Support;
using static DataPrepWorkflows.Engine.Tests.Support.Flow;

namespace DataPrepWorkflows.Engine.Tests.Control;

public sealed class BranchingTests
{
    [Theory]
    [InlineData(0.97, "pass")]
    [InlineData(0.5, "quarantine")]
    public async Task If_FollowsTrueOrFalse(double score, string expected)
    {
        var h = new Harness();
        var wf = Workflow("if",
            Act("gate", "If", new { condition = "=inputs.score >= 0.95" }, "True:pass", "False:quarantine"),
            Act("pass", "Record"),
            Act("quarantine", "Record"));

        var result = await h.StartAsync(wf, new JsonObject { ["score"] = score });

        Assert.Equal([expected], h.Recorder.Events);
        Assert.Equal(expected == "pass" ? "True" : "False", result.Activity("gate").Outcomes!.Single());
    }

    private static Definitions.WorkflowDefinition SwitchFlow(string mode) => Workflow("switch",
        Act("route", "Switch", new JsonObject
        {
            ["mode"] = mode,
            ["cases"] = new JsonObject
            {
                ["small"] = "=inputs.rows < 100",
                ["even"] = "=inputs.rows % 2 == 0",
                ["huge"] = "=inputs.rows > 1000000",
            },
        }, "small:s", "even:e", "huge:hg", "Default:d"),
        Act("s", "Record"),
        Act("e", "Record"),
        Act("hg", "Record"),
        Act("d", "Record"));

    [Fact]
    public async Task Switch_MatchFirst_FollowsTheFirstHoldingCaseOnly()
    {
        var h = new Harness();
        var result = await h.StartAsync(SwitchFlow("MatchFirst"), new JsonObject { ["rows"] = 10 });

        Assert.Equal(["s"], h.Recorder.Events);
        Assert.Equal(ActivityStatus.Skipped, result.Activity("e").Status);
    }

    [Fact]
    public async Task Switch_MatchAny_FollowsEveryHoldingCase()
    {
        var h = new Harness();
        var result = await h.StartAsync(SwitchFlow("MatchAny"), new JsonObject { ["rows"] = 10 });

        Assert.Equal(["e", "s"], h.Recorder.Events.Order());
        Assert.Equal(["small", "even"], result.Activity("route").Outcomes!);
    }

    [Fact]
    public async Task Switch_NoCaseHolds_FollowsDefault()
    {
        var h = new Harness();
        await h.StartAsync(SwitchFlow("MatchAny"), new JsonObject { ["rows"] = 501 });

        Assert.Equal(["d"], h.Recorder.Events);
    }
}
