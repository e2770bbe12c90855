using System.Text.Json.Nodes;
using DataPrepWorkflows.Engine.Expressions;

namespace DataPrepWorkflows.Engine.Tests.Expressions;

public sealed class SandboxTests
{
    private static JsonNode? Eval(JintExpressionEngine engine, string expression) =>
        engine.Compile(expression, ExpressionKind.Expression).Evaluate(new ExpressionScope());

    [Fact]
    public void Infinite_loop_stops_at_the_time_limit_with_a_clear_error()
    {
        var engine = new JintExpressionEngine(new ExpressionLimits { Timeout = TimeSpan.FromMilliseconds(100), MaxStatements = int.MaxValue });

        var error = Assert.Throws<ExpressionEvaluationException>(() => Eval(engine, "(function () { while (true) { } })()"));

        Assert.Contains("time limit of 100 ms", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_loop_stops_at_the_statement_limit()
    {
        var engine = new JintExpressionEngine(new ExpressionLimits { MaxStatements = 1_000 });

        var error = Assert.Throws<ExpressionEvaluationException>(() => Eval(engine, "(function () { for (var i = 0; ; i++) { } })()"));

        Assert.Contains("more than 1000 statements", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_recursion_is_stopped()
    {
        var engine = new JintExpressionEngine(new ExpressionLimits { MaxRecursionDepth = 20 });

        var error = Assert.Throws<ExpressionEvaluationException>(() => Eval(engine, "(function f(n) { return f(n + 1); })(0)"));

        Assert.Contains("deeper than 20", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("System.IO.File")]
    [InlineData("importNamespace('System.IO')")]
    [InlineData("clrHelper")]
    public void Clr_is_unreachable(string expression)
    {
        var error = Assert.Throws<ExpressionEvaluationException>(() => Eval(new JintExpressionEngine(), expression));

        Assert.Contains("is not defined", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_engine_is_usable_again_after_a_script_hit_a_limit()
    {
        var engine = new JintExpressionEngine(new ExpressionLimits { MaxStatements = 100, PoolSize = 1 });
        Assert.Throws<ExpressionEvaluationException>(() => Eval(engine, "(function () { while (true) { } })()"));

        Assert.Equal(2L, Eval(engine, "1 + 1")!.GetValue<long>());
    }

    [Fact]
    public void Built_ins_cannot_be_changed_for_later_evaluations()
    {
        var engine = new JintExpressionEngine(new ExpressionLimits { PoolSize = 1 });

        Assert.Throws<ExpressionEvaluationException>(() => Eval(engine, "Math.max = function () { return 42; }"));
        Assert.Throws<ExpressionEvaluationException>(() => Eval(engine, "Array.prototype.evil = 1"));
        Assert.Throws<ExpressionEvaluationException>(() => Eval(engine, "(function () { leaked = 1; })()"));
        Assert.Equal(3L, Eval(engine, "Math.max(1, 3)")!.GetValue<long>());
        Assert.Equal("undefined", Eval(engine, "typeof leaked")!.GetValue<string>());
    }

    [Fact]
    public void Global_object_reached_through_the_function_constructor_is_frozen()
    {
        var engine = new JintExpressionEngine(new ExpressionLimits { PoolSize = 1 });

        Eval(engine, "(function () { try { Function('this.leaked = 1')(); } catch (e) { } return 0; })()");

        Assert.Equal("undefined", Eval(engine, "typeof leaked")!.GetValue<string>());
    }

    [Fact]
    public void Scope_names_of_one_evaluation_are_not_visible_to_the_next()
    {
        var engine = new JintExpressionEngine(new ExpressionLimits { PoolSize = 1 });
        var compiled = engine.Compile("typeof secret", ExpressionKind.Expression);
        var first = new ExpressionScope();
        first["secret"] = "x";

        Assert.Equal("string", compiled.Evaluate(first)!.GetValue<string>());
        Assert.Equal("undefined", compiled.Evaluate(new ExpressionScope())!.GetValue<string>());
    }

    [Fact]
    public void Overlong_expression_is_refused_at_compile_time()
    {
        var engine = new JintExpressionEngine();
        var chain = string.Join("+", Enumerable.Repeat("1", 20_000));

        var error = Assert.Throws<ExpressionSyntaxException>(() => engine.Compile(chain, ExpressionKind.Expression));

        Assert.Contains("more than the 4096 allowed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Long_chain_within_the_limit_evaluates_on_a_pool_thread()
    {
        var engine = new JintExpressionEngine();
        var chain = string.Join("+", Enumerable.Repeat("1", 2_048));

        var result = await Task.Run(() => engine.Compile(chain, ExpressionKind.Expression).Evaluate(new ExpressionScope()));

        Assert.Equal(2048L, result!.GetValue<long>());
    }
}
