using System.Runtime.InteropServices;

namespace DataPrepWorkflows.Benchmarks.Measuring;

/// <summary>
/// CPU time consumed by the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>). Figures such as "runs per second on
/// one thread" or "events per second on one core" are about the code; on a machine shared with other work, wall-clock
/// rates measure the neighbours as much as the code, so suites report both.
/// </summary>
internal static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    public static bool IsAvailable { get; } = OperatingSystem.IsLinux() && TryNow(out _);

    /// <summary>The thread's CPU time in seconds.</summary>
    public static double Now() => TryNow(out var seconds) ? seconds : double.NaN;

    private static bool TryNow(out double seconds)
    {
        seconds = 0;
        try
        {
            if (ClockGetTime(ClockThreadCpuTimeId, out var spec) != 0)
            {
                return false;
            }

            seconds = spec.Seconds + (spec.Nanoseconds / 1e9);
            return true;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

#pragma warning disable SYSLIB1054 // LibraryImport would need AllowUnsafeBlocks in the shared benchmark project.
    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clockId, out TimeSpec spec);
#pragma warning restore SYSLIB1054

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
