namespace DataPrepWorkflows.Activities.Clean.Operations;

/// <summary>A recipe operation: its DataBrew name, parameters and meaning, and how it compiles to SQL.</summary>
/// <param name="Name">The exact DataBrew operation name, e.g. <c>FILL_WITH_AVERAGE</c>.</param>
/// <param name="Category">The group it belongs to (missing values, duplicates, outliers, text, dates, math…).</param>
/// <param name="Description">What it does to the data.</param>
/// <param name="Parameters">Its parameters.</param>
public sealed record OperationDefinition(string Name, string Category, string Description, IReadOnlyList<OperationParameter> Parameters)
{
    /// <summary>
    /// Groups of parameters of which a step gives exactly one (e.g. <c>sourceColumn</c> or <c>value</c>); each group's
    /// parameters are listed as optional in <see cref="Parameters"/>.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> ExactlyOneOf { get; init; } = [];

    /// <summary>Whether the operation can remove rows.</summary>
    public bool RemovesRows { get; init; }

    internal OperationCompiler Compiler { get; init; } = static _ => throw new InvalidOperationException("operation without a compiler");

    /// <summary>The parameter naming a column whose distinct values the compiler needs (one-hot encoding).</summary>
    internal string? NeedsDistinctValuesOf { get; init; }

    /// <summary>The parameter called <paramref name="name"/>, or <see langword="null"/>.</summary>
    /// <param name="name">The parameter name (exact).</param>
    /// <returns>The parameter.</returns>
    public OperationParameter? Find(string name) => Parameters.FirstOrDefault(p => p.Name == name);
}

/// <summary>Compiles one validated step to a SELECT over the previous step's relation.</summary>
internal delegate StepPlan OperationCompiler(StepContext step);
