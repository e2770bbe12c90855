namespace DataPrepWorkflows.Engine.Descriptors;

/// <summary>One output of an activity type.</summary>
/// <param name="Name">Name under <c>activities.&lt;id&gt;.output</c> (camelCase).</param>
/// <param name="Type">JSON type: one of <see cref="InputTypes"/>.</param>
/// <param name="Description">What it holds.</param>
public sealed record OutputDescriptor(string Name, string Type, string Description);
