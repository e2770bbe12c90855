using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using DataPrepWorkflows.Benchmarks.Measuring;
using DataPrepWorkflows.Testing.PostgreSql;
using Npgsql;

namespace DataPrepWorkflows.Benchmarks.Runtime;

/// <summary>
/// The PostgreSQL side-by-side: <c>pgbench</c> (PostgreSQL's own load generator, installed with the server) running its
/// simple write transaction (<c>-N</c>: an update, a select and an insert between BEGIN and END, prepared statements)
/// with as many clients as the three nodes apply work items at once, against the same throwaway cluster. Its machine CPU per
/// transaction is what one small write transaction costs on this machine at the least, server and client together; an
/// <c>EveryActivity</c> run commits ten times.
/// </summary>
internal static partial class PgbenchBaseline
{
    public static async Task MeasureAsync(PostgreSqlCluster cluster, int clients)
    {
        var pgbench = Path.Combine(cluster.Binaries, "pgbench");
        if (!File.Exists(pgbench))
        {
            throw new InvalidOperationException($"pgbench was not found next to initdb ({cluster.Binaries}); Debian's postgresql package installs it there.");
        }

        var target = new NpgsqlConnectionStringBuilder(await cluster.CreateDatabaseAsync("pgbench", default));
        string[] connection = ["-h", target.Host!, "-p", target.Port.ToString(CultureInfo.InvariantCulture), "-U", target.Username!];
        await RunAsync(pgbench, [.. connection, "-i", "-q", "-s", "10", "pgbench"]);
        var busy = MachineCpuClock.BusyMilliseconds();
        var output = await RunAsync(pgbench, [.. connection, "-N", "-M", "prepared", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2", "-T", "10", "pgbench"]);
        var machine = MachineCpuClock.BusyMilliseconds() - busy;
        var processed = long.Parse(Processed().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var rate = double.Parse(Rate().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        Console.WriteLine();
        Console.WriteLine("| Side by side, same cluster | Transactions/s | Machine CPU µs per transaction |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| pgbench -N -M prepared, {clients} clients (update, select, insert per transaction) | {rate:N0} | {machine * 1000 / processed:N0} |"));
    }

    private static async Task<string> RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await errors}");
        }

        return await output + await errors;
    }

    [GeneratedRegex(@"number of transactions actually processed: (\d+)")]
    private static partial Regex Processed();

    [GeneratedRegex(@"tps = ([0-9.]+)")]
    private static partial Regex Rate();
}
