namespace DataPrepWorkflows.Engine.Expressions;

/// <summary>
/// The sandbox an expression runs in. Limits are per evaluation; an expression that exceeds one fails with an
/// <see cref="ExpressionEvaluationException"/> naming the limit.
/// </summary>
public sealed record ExpressionLimits
{
    /// <summary>The limits used when none are given.</summary>
    public static ExpressionLimits Default { get; } = new();

    /// <summary>Wall-clock time one evaluation may take. <value>2 seconds</value></summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Statements one evaluation may execute (loop bodies count each time). <value>100,000</value></summary>
    public int MaxStatements { get; init; } = 100_000;

    /// <summary>How deep function calls may nest. <value>64</value></summary>
    public int MaxRecursionDepth { get; init; } = 64;

    /// <summary>How deep a result (objects in arrays in objects…) may nest before it is refused. <value>64</value></summary>
    public int MaxResultDepth { get; init; } = 64;

    /// <summary>
    /// Longest expression text accepted (each template part counts alone). Jint parses and evaluates recursively, so
    /// an absurdly long chain (<c>1+1+…</c>, <c>((((…))))</c>) could exhaust the thread's stack; refusing it at compile
    /// time keeps the host alive. <value>4,096 characters</value>
    /// </summary>
    public int MaxExpressionLength { get; init; } = 4096;

    /// <summary>Sandboxed engines kept for reuse; more may exist briefly under load. <value>2 × processors</value></summary>
    public int PoolSize { get; init; } = Environment.ProcessorCount * 2;
}
