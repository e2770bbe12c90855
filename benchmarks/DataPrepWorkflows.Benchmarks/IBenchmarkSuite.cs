namespace DataPrepWorkflows.Benchmarks;

/// <summary>
/// One named group of measurements (for example <c>engine</c> or <c>events</c>). Each suite prints a Markdown table of
/// medians and ratios and states what it compares against.
/// </summary>
internal interface IBenchmarkSuite
{
    /// <summary>The name given on the command line.</summary>
    string Name { get; }

    /// <summary>What the suite measures, for the listing.</summary>
    string Description { get; }

    /// <summary>Runs the suite and prints its results.</summary>
    Task RunAsync(string[] args);
}
