using DataPrepWorkflows.Activities.SampleData;

namespace DataPrepWorkflows.Benchmarks.Measuring;

/// <summary>The loan-applications sample as a CSV file, generated once per size and reused by later runs.</summary>
internal static class LoanSampleCsv
{
    public static string Ensure(string folder, int rows)
    {
        var path = Path.Combine(folder, $"loan-applications-{rows}.csv");
        if (File.Exists(path))
        {
            return path;
        }

        Console.WriteLine($"Generating {path} ({rows:N0} rows)…");
        using (var writer = new StreamWriter(path + ".partial"))
        {
            LoanApplicationSample.Write(writer, new LoanSampleOptions { Rows = rows });
        }

        File.Move(path + ".partial", path, overwrite: true);
        return path;
    }
}
