using System.Globalization;

namespace DataPrepWorkflows.Benchmarks.Measuring;

/// <summary>
/// CPU time the whole machine spent busy, summed over its processors (Linux <c>/proc/stat</c>: every state but idle
/// and waiting for I/O). Unlike the process's own CPU time it includes other processes the measurement drives, such as
/// a database server, so "machine CPU per run" times a target rate shows whether the machine's processors can carry
/// that rate at all. It also includes whatever else runs on the machine, so it is only meaningful on a quiet one.
/// </summary>
internal static class MachineCpuClock
{
    public static bool IsAvailable { get; } = OperatingSystem.IsLinux() && File.Exists("/proc/stat");

    /// <summary>Busy time since boot in milliseconds, or <see cref="double.NaN"/> where <c>/proc/stat</c> is missing.</summary>
    public static double BusyMilliseconds()
    {
        if (!IsAvailable)
        {
            return double.NaN;
        }

        // First line: "cpu  user nice system idle iowait irq softirq steal guest guest_nice", in clock ticks (USER_HZ,
        // 100 per second on Linux). guest and guest_nice are already counted in user and nice.
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long Tick(int index) => index < fields.Length ? long.Parse(fields[index], CultureInfo.InvariantCulture) : 0;
        var busy = Tick(1) + Tick(2) + Tick(3) + Tick(6) + Tick(7) + Tick(8);
        return busy * 10.0;
    }
}
