using System.Runtime.InteropServices;

namespace DataPrepWorkflows.Benchmarks.Engine;

/// <summary>
/// CPU time of the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>): on a machine shared with other work the
/// wall clock measures the neighbours too, so the engine suite reports both.
/// </summary>
internal static class ThreadCpuTime
{
    private const int ThreadCpuClockId = 3;

    public static bool IsAvailable { get; } = OperatingSystem.IsLinux() && TryRead(out _);

    /// <summary>Seconds of CPU used by this thread, or NaN when unavailable.</summary>
    public static double Seconds() => TryRead(out var seconds) ? seconds : double.NaN;

    private static bool TryRead(out double seconds)
    {
        seconds = double.NaN;
        try
        {
            if (ClockGetTime(ThreadCpuClockId, out var spec) != 0)
            {
                return false;
            }

            seconds = spec.Seconds + (spec.Nanoseconds / 1e9);
            return true;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
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
