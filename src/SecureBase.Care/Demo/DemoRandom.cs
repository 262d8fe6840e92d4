namespace SecureBase.Care.Demo;

/// <summary>
/// A small seeded generator (SplitMix64) for demo data. Our own rather than System.Random so the same seed gives
/// the same journal on every runtime version; not for anything secret.
/// </summary>
internal sealed class DemoRandom(int seed)
{
    private ulong _state = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL;

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>In [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public double Between(double min, double max) => min + (max - min) * NextDouble();

    public int Between(int min, int maxInclusive) => min + (int)(NextUInt64() % (ulong)(maxInclusive - min + 1));

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>A duration between the bounds, in whole seconds (storage keeps microseconds; whole seconds read better).</summary>
    public TimeSpan Minutes(double min, double max) => TimeSpan.FromSeconds(Math.Round(Between(min, max) * 60));

    public TimeSpan Seconds(double min, double max) => TimeSpan.FromSeconds(Math.Round(Between(min, max)));

    public T Pick<T>(IReadOnlyList<T> items) => items[Between(0, items.Count - 1)];

    public T Weighted<T>(IReadOnlyList<(T Value, double Weight)> items)
    {
        var roll = NextDouble() * items.Sum(i => i.Weight);
        foreach (var (value, weight) in items)
        {
            if (roll < weight) return value;
            roll -= weight;
        }
        return items[^1].Value;
    }

    /// <summary>A version-4-shaped GUID from the stream, so ids are stable for a seed.</summary>
    public Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, NextUInt64());
        BitConverter.TryWriteBytes(bytes[8..], NextUInt64());
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
