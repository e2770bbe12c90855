namespace DataPrepWorkflows.Aws.Protocol;

/// <summary>The answer of an operation without output members (<c>{}</c> or an empty body).</summary>
internal sealed record NoOutput;
