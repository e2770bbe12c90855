using DataPrepWorkflows.Engine.Execution;
using DataPrepWorkflows.Engine.Expressions;
using DataPrepWorkflows.Engine.Tests.Support;
using static DataPrepWorkflows.Engine.Tests.Support.Flow;

namespace DataPrepWorkflows.Engine.Tests.Execution;

public sealed class CompilationTests
{
    /// <summary>Counts what the engine asks of the expression engine.</summary>
    private sealed class CountingExpressions(IExpressionEngine inner) : IExpressionEngine
    {
        public int Compiles { get; private set; }

        public int Evaluations { get; private set; }

        public CompiledExpression Compile(string source, ExpressionKind kind)
        {
            Compiles++;
            return new Counted(this, inner.Compile(source, kind));
        }

        private sealed class Counted(CountingExpressions owner, CompiledExpression inner) : CompiledExpression
        {
            public override string Source => inner.Source;

            public override System.Text.Json.Nodes.JsonNode? Evaluate(ExpressionScope scope)
            {
                owner.Evaluations++;
                return inner.Evaluate(scope);
            }
        }
    }

    [Fact]
    public async Task Expressions_AreCompiledOncePerDefinition_AndEvaluatedOncePerUse()
    {
        var expressions = new CountingExpressions(Harness.Expressions);
        var h = new Harness();
        var engine = new WorkflowEngine(Harness.Registry, expressions, new WorkflowEngineOptions { TimeProvider = h.Clock, Services = h.Services });
        var wf = Workflow("once", Act("a", "Record", new { text = "=inputs.name || 'x'" }, "b"), Act("b", "Record", new { text = "s3://${workflow.id}/out" }));

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(WorkflowStatus.Finished, (await engine.StartAsync(wf)).Status);
        }

        Assert.Equal(2, expressions.Compiles);
        Assert.Equal(10, expressions.Evaluations);
    }

    [Fact]
    public async Task LiteralOnlyWorkflows_NeverTouchTheExpressionEngine()
    {
        var expressions = new CountingExpressions(Harness.Expressions);
        var h = new Harness();
        var engine = new WorkflowEngine(Harness.Registry, expressions, new WorkflowEngineOptions { TimeProvider = h.Clock, Services = h.Services });
        var wf = Workflow("literal", Act("a", "Record", new { text = "==not an expression" }, "b"), Act("b", "Typed", new { count = 3, tags = new[] { "x" } }));

        var result = await engine.StartAsync(wf);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(0, expressions.Compiles);
        Assert.Equal(0, expressions.Evaluations);
        Assert.Equal(["a:=not an expression"], h.Recorder.Events);
    }

    [Fact]
    public async Task Runner_ReturnsSuspended_WhenOnlyTheOutsideCanResume()
    {
        var h = new Harness();
        var wf = Workflow("external", Act("wait", "WaitSignal", new { signal = "approval" }, "after"), Act("after", "Record"));

        var result = await new WorkflowRunner(h.Engine).RunAsync(wf).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(WorkflowStatus.Suspended, result.Status);
        Assert.Equal("approval", Assert.Single(result.Bookmarks).Name);
        Assert.Null(result.State.NextTimerDue());
    }
}
