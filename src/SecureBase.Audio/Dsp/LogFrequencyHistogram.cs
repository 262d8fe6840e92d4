namespace SecureBase.Audio.Dsp;

/// <summary>
/// Fixed-size histogram of frequencies on a log scale (about 2.5% per bin between 100 and 2000 Hz), giving robust
/// percentiles in constant memory however long an episode lasts.
/// </summary>
public sealed class LogFrequencyHistogram
{
    private const double LowestHz = 100;
    private const double HighestHz = 2000;
    private const int BinCount = 120;
    private static readonly double BinsPerLog = BinCount / Math.Log(HighestHz / LowestHz);
    private readonly long[] _counts = new long[BinCount];

    /// <summary>Values added so far.</summary>
    public long Count { get; private set; }

    /// <summary>Adds a frequency in Hz (clamped to the histogram range).</summary>
    public void Add(double hz)
    {
        int bin = (int)(Math.Log(Math.Max(hz, LowestHz) / LowestHz) * BinsPerLog);
        _counts[Math.Clamp(bin, 0, BinCount - 1)]++;
        Count++;
    }

    /// <summary>Adds every count of another histogram.</summary>
    public void Add(LogFrequencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (int i = 0; i < BinCount; i++)
        {
            _counts[i] += other._counts[i];
        }

        Count += other.Count;
    }

    /// <summary>The frequency (bin centre, Hz) below which <paramref name="fraction"/> of the values lie; null when empty.</summary>
    public double? Percentile(double fraction)
    {
        if (Count == 0)
        {
            return null;
        }

        double target = Math.Clamp(fraction, 0, 1) * Count;
        long seen = 0;
        for (int i = 0; i < BinCount; i++)
        {
            seen += _counts[i];
            if (seen >= target && seen > 0)
            {
                return LowestHz * Math.Exp((i + 0.5) / BinsPerLog);
            }
        }

        return HighestHz;
    }

    /// <summary>Empties the histogram.</summary>
    public void Clear()
    {
        Array.Clear(_counts);
        Count = 0;
    }
}
