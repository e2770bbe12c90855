namespace DataPrepWorkflows.Dqdl;

/// <summary>
/// The <c>DataSources</c> section: which dataset the rules check and which reference datasets rules such as
/// <c>DatasetMatch</c> or <c>ReferentialIntegrity</c> may name.
/// </summary>
/// <param name="Primary">The <c>Primary</c> dataset name, if given.</param>
/// <param name="AdditionalDataSources">The <c>AdditionalDataSources</c> aliases, if given.</param>
public sealed record DqdlDataSources(string? Primary, IReadOnlyList<string>? AdditionalDataSources)
{
    /// <summary>The <c>AdditionalDataSources</c> aliases, compared by value.</summary>
    public IReadOnlyList<string>? AdditionalDataSources { get; init; } =
        AdditionalDataSources is null ? null : ValueList<string>.Of(AdditionalDataSources);
}
