namespace DataPrepWorkflows.Activities.Features;

/// <summary>A problem in a feature group definition: a stable code, the JSON field it concerns, and what to do.</summary>
/// <param name="Code">Stable code, <c>FS001</c>…</param>
/// <param name="Field">The JSON path of the field, for example <c>FeatureDefinitions[2].FeatureName</c>.</param>
/// <param name="Message">What is wrong and what to do.</param>
public sealed record FeatureGroupDiagnostic(string Code, string Field, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Code} {Field}: {Message}";
}
