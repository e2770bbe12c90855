namespace DataPrepWorkflows.Activities.SampleData;

/// <summary>
/// A small deterministic generator (xoshiro256** seeded through SplitMix64). The sample data must be byte-for-byte the
/// same for a seed on every machine and .NET version, which <see cref="System.Random"/> does not promise.
/// </summary>
internal sealed class SampleRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public SampleRandom(ulong seed)
    {
        _s0 = SplitMix(ref seed);
        _s1 = SplitMix(ref seed);
        _s2 = SplitMix(ref seed);
        _s3 = SplitMix(ref seed);
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [min, max).</summary>
    public int Next(int min, int max) => min + (int)(NextDouble() * (max - min));

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>Standard normal by the Box–Muller transform.</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public T Pick<T>(IReadOnlyList<(T Value, double Weight)> choices)
    {
        var total = 0.0;
        foreach (var choice in choices)
        {
            total += choice.Weight;
        }

        var x = NextDouble() * total;
        foreach (var choice in choices)
        {
            x -= choice.Weight;
            if (x < 0)
            {
                return choice.Value;
            }
        }

        return choices[^1].Value;
    }

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
