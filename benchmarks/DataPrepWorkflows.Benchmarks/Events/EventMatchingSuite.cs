using System.Diagnostics;
using System.Globalization;
using DataPrepWorkflows.Benchmarks.Measuring;
using DataPrepWorkflows.Events.Matching;

namespace DataPrepWorkflows.Benchmarks.Events;

/// <summary>
/// Matching ~1 KB S3 events (JSON parsing included) against 1, 100 and 10,000 trigger rules compiled into one
/// automaton, on one thread. Targets: at least 300,000 events/s, and 10,000 rules no more than 1.5× slower than one.
/// For comparison, aws/event-ruler reports about 220,000 events/s on a laptop for ~900-byte events; the last rows
/// evaluate each pattern on its own, the cost the automaton avoids.
/// </summary>
internal sealed class EventMatchingSuite : IBenchmarkSuite
{
    private const int EventCount = 20_000;
    private const int Samples = 7;
    private const int InterleavedRounds = 61;

    public string Name => "events";

    public string Description => "EventBridge pattern matching: S3 events against 1/100/10,000 rules";

    public Task RunAsync(string[] args)
    {
        var events = S3RuleMix.Events(EventCount, seed: 7);
        var averageSize = events.Average(e => e.Length);
        Console.WriteLine($"Events: {EventCount:N0} S3 Object Created events, average {averageSize:F0} bytes; after warm-up the three automatons are timed in {InterleavedRounds} rounds of one pass each (each pattern alone: {Samples} passes); medians reported, \"vs 1 rule\" the median of the per-round ratios.");
        Console.WriteLine();
        Console.WriteLine("Events/s per CPU-second of the matching thread (one core); wall-clock rate alongside (it includes time the thread waited for a core).");
        Console.WriteLine();
        Console.WriteLine("| Rules | How | Events/s on one core (median) | µs/event | Wall-clock events/s | Matches/event | vs 1 rule |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|");

        if (args.Contains("--breakdown"))
        {
            Breakdown(events);
            return Task.CompletedTask;
        }

        var counts = new[] { 1, 100, 10_000 };
        var matchers = new List<Func<byte[], int>>();
        foreach (var count in counts)
        {
            var ruleSet = RuleSet.Build(S3RuleMix.Rules(count, seed: 11));
            matchers.Add(e => ruleSet.Match(e).Count);
        }

        var rates = MeasureInterleaved(events, matchers);
        for (var i = 0; i < counts.Length; i++)
        {
            Print(counts[i], "one automaton", rates[i], events.Average(matchers[i]));
        }

        var single = rates[0].Cpu;
        foreach (var count in new[] { 1, 100 })
        {
            var rules = S3RuleMix.Rules(count, seed: 11);
            int Match(byte[] e) => rules.Count(rule => rule.Pattern.Matches(e));
            var rate = Measure(events, Match);
            Print(count, "each pattern alone", (rate.Cpu, rate.Wall, single / rate.Cpu), events.Average(Match));
        }

        Console.WriteLine();
        Console.WriteLine("Reproduce: dotnet run -c Release --project benchmarks/DataPrepWorkflows.Benchmarks -- events");
        return Task.CompletedTask;
    }

    /// <summary>Where the time goes at 10,000 rules: reading the event alone versus reading and matching.</summary>
    private static void Breakdown(List<byte[]> events)
    {
        foreach (var count in new[] { 1, 10_000 })
        {
            var automaton = new RuleAutomaton(S3RuleMix.Rules(count, seed: 11).Select(r => r.Pattern.SubRules).ToList());
            var scratch = new MatchScratch(automaton.Paths.Count, automaton.StateCount, automaton.RuleCount);
            int Flatten(byte[] e)
            {
                scratch.Reset();
                EventFlattener.Flatten(e, automaton.Paths, scratch);
                return 0;
            }

            var read = Measure(events, Flatten);
            var full = Measure(events, e => automaton.Match(e).Count);
            var hot = Measure(Enumerable.Repeat(events[0], events.Count).ToList(), e => automaton.Match(e).Count);
            var hotRead = Measure(Enumerable.Repeat(events[0], events.Count).ToList(), Flatten);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count,6} rules: read {1e6 / read.Cpu:F2} µs, read+match {1e6 / full.Cpu:F2} µs; one event repeated: read {1e6 / hotRead.Cpu:F2} µs, read+match {1e6 / hot.Cpu:F2} µs; states {automaton.StateCount:N0}"));
        }
    }

    private static (double Cpu, double Wall) Measure(List<byte[]> events, Func<byte[], int> match)
    {
        WarmUp(events, match);
        var cpuRates = new List<double>();
        var wallRates = new List<double>();
        for (var s = 0; s < Samples; s++)
        {
            var (cpu, wall) = Sample(events, match);
            cpuRates.Add(cpu);
            wallRates.Add(wall);
        }

        return (Median(cpuRates), Median(wallRates));
    }

    /// <summary>
    /// Several rule sets measured in rounds, one sample of each per round (in alternating order), so a stretch in which the machine runs the
    /// thread slower (another process or the runtime's own background threads on the sibling core) falls on every
    /// rule set alike. Each rule set's "vs 1 rule" is the median of its per-round ratios to the first one.
    /// </summary>
    private static (double Cpu, double Wall, double Ratio)[] MeasureInterleaved(List<byte[]> events, List<Func<byte[], int>> matchers)
    {
        foreach (var match in matchers)
        {
            WarmUp(events, match);
        }

        var cpu = matchers.Select(_ => new List<double>()).ToArray();
        var wall = matchers.Select(_ => new List<double>()).ToArray();
        var ratios = matchers.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < InterleavedRounds; round++)
        {
            // Every other round runs the rule sets in reverse order, so a machine slowly speeding up or slowing down
            // does not favour the rule set that always runs first.
            var roundCpu = new double[matchers.Count];
            for (var k = 0; k < matchers.Count; k++)
            {
                var i = round % 2 == 0 ? k : matchers.Count - 1 - k;
                (roundCpu[i], var roundWall) = Sample(events, matchers[i]);
                cpu[i].Add(roundCpu[i]);
                wall[i].Add(roundWall);
            }

            for (var i = 0; i < matchers.Count; i++)
            {
                ratios[i].Add(roundCpu[0] / roundCpu[i]);
            }
        }

        return [.. matchers.Select((_, i) => (Median(cpu[i]), Median(wall[i]), Median(ratios[i])))];
    }

    private static void WarmUp(List<byte[]> events, Func<byte[], int> match)
    {
        // Long enough for tiered JIT to reach optimised code (and PGO to settle).
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(2))
        {
            foreach (var e in events)
            {
                match(e);
            }
        }
    }

    /// <summary>One pass over the events: events per CPU-second of this thread, and per wall-clock second.</summary>
    private static (double Cpu, double Wall) Sample(List<byte[]> events, Func<byte[], int> match)
    {
        var cpuStart = ThreadCpuClock.Now();
        var watch = Stopwatch.StartNew();
        var sink = 0;
        foreach (var e in events)
        {
            sink += match(e);
        }

        GC.KeepAlive(sink);
        var wall = watch.Elapsed.TotalSeconds;
        var cpu = ThreadCpuClock.IsAvailable ? ThreadCpuClock.Now() - cpuStart : wall;
        return (events.Count / cpu, events.Count / wall);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    private static void Print(int rules, string how, (double Cpu, double Wall, double Ratio) rate, double matchesPerEvent) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {rules:N0} | {how} | {rate.Cpu:N0} | {1e6 / rate.Cpu:F2} | {rate.Wall:N0} | {matchesPerEvent:F2} | {rate.Ratio:F2}× |"));
}
