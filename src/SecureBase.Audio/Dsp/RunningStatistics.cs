namespace SecureBase.Audio.Dsp;

/// <summary>Mean and standard deviation in constant memory (Welford's method).</summary>
public struct RunningStatistics
{
    private double _mean;
    private double _m2;

    /// <summary>Values added.</summary>
    public long Count { get; private set; }

    /// <summary>Mean of the values, 0 when empty.</summary>
    public readonly double Mean => _mean;

    /// <summary>Sample standard deviation, 0 with fewer than two values.</summary>
    public readonly double StandardDeviation => Count > 1 ? Math.Sqrt(_m2 / (Count - 1)) : 0;

    /// <summary>Adds a value.</summary>
    public void Add(double value)
    {
        Count++;
        double delta = value - _mean;
        _mean += delta / Count;
        _m2 += delta * (value - _mean);
    }

    /// <summary>Forgets every value.</summary>
    public void Clear() => this = default;
}
