using DataPrepWorkflows.Benchmarks;

// Usage: dotnet run -c Release --project benchmarks/DataPrepWorkflows.Benchmarks -- <suite> [suite options]
// Suites are discovered: every IBenchmarkSuite in this assembly.
var suites = typeof(Program).Assembly.GetTypes()
    .Where(t => typeof(IBenchmarkSuite).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmarkSuite)Activator.CreateInstance(t)!)
    .OrderBy(s => s.Name, StringComparer.Ordinal)
    .ToList();

if (args.Length == 0 || args[0] is "-h" or "--help" or "list")
{
    Console.WriteLine("Benchmark suites:");
    foreach (var suite in suites)
    {
        Console.WriteLine($"  {suite.Name,-12} {suite.Description}");
    }

    Console.WriteLine("Run one: dotnet run -c Release --project benchmarks/DataPrepWorkflows.Benchmarks -- <suite>");
    return args.Length == 0 ? 1 : 0;
}

var chosen = suites.FirstOrDefault(s => string.Equals(s.Name, args[0], StringComparison.OrdinalIgnoreCase));
if (chosen is null)
{
    Console.Error.WriteLine($"Unknown benchmark suite '{args[0]}'. Run with 'list' to see the suites.");
    return 2;
}

await chosen.RunAsync(args[1..]);
return 0;
