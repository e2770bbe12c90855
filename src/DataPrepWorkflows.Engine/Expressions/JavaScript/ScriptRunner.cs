using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Environments;
using JintEngine = Jint.Engine;

namespace DataPrepWorkflows.Engine.Expressions.JavaScript;

/// <summary>Evaluates a pre-parsed expression on a pooled engine, translating sandbox failures into clear errors.</summary>
internal static class ScriptRunner
{
    public static JsonNode? Evaluate(SandboxedEngines engines, ParsedScript script, ExpressionScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var engine = engines.Rent();
        JsonNode? result;
        try
        {
            result = JsToJson.Convert(Run(engine, script, scope), engines.Limits.MaxResultDepth);
        }
        catch (ExpressionEvaluationException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw Translate(ex, script, engines.Limits);
        }

        // Only engines that finished cleanly go back: a script stopped midway may have left a call stack behind.
        engines.Return(engine);
        return result;
    }

    private static JsValue Run(JintEngine engine, ParsedScript script, ExpressionScope scope)
    {
        engine.ResetStatementsCount();
        engine.ResetTimeoutTicks();
        engine.ResetCallStack();
        var environment = LexicalEnvironment.NewDeclarativeEnvironment(engine, engine.GlobalEnvironment);
        var record = environment.Record;
        foreach (var name in script.Names)
        {
            if (scope.Names.TryGetValue(name, out var value))
            {
                record.CreateMutableBinding(name, false);
                record.SetMutableBinding(name, JsonToJs.Convert(engine, value), true);
            }
        }

        engine.EnterExecutionContext(environment, environment, JsValue.Undefined);
        try
        {
            using (new StrictModeScope(true, false))
            {
                return engine.GetValue(engine.EvaluateExpression(script.Body));
            }
        }
        finally
        {
            engine.LeaveExecutionContext();
        }
    }

    private static ExpressionEvaluationException Translate(Exception ex, ParsedScript script, ExpressionLimits limits)
    {
        var what = $"Expression '{Shorten(script.Source)}'";
        return ex switch
        {
            JavaScriptException js => new ExpressionEvaluationException($"{what} failed: {Describe(js)}", ex),
            TimeoutException => new ExpressionEvaluationException(
                $"{what} ran longer than its time limit of {limits.Timeout.TotalMilliseconds:0} ms; simplify it or move the work into an activity.", ex),
            StatementsCountOverflowException => new ExpressionEvaluationException(
                $"{what} executed more than {limits.MaxStatements} statements; simplify it or move the work into an activity.", ex),
            RecursionDepthOverflowException => new ExpressionEvaluationException(
                $"{what} nested function calls deeper than {limits.MaxRecursionDepth}; remove the recursion.", ex),
            _ => new ExpressionEvaluationException($"{what} failed: {ex.Message}", ex),
        };
    }

    private static string Describe(JavaScriptException ex)
    {
        // Error.prototype.toString gives "TypeError: message", the form JavaScript users recognise.
        var text = ex.Error.IsUndefined() ? null : TypeConverter.ToString(ex.Error);
        return string.IsNullOrEmpty(text) ? ex.Message : text;
    }

    private static string Shorten(string source) =>
        source.Length <= 80 ? source : string.Concat(source.AsSpan(0, 77), "...");
}
