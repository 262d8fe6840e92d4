using System.Buffers;

namespace SecureBase.Insights;

/// <summary>
/// A growable list of doubles on pooled arrays. A two-year journal has some 15,000 latencies; plain lists of that size
/// land on the large-object heap and force full garbage collections on every computation.
/// </summary>
internal sealed class PooledDoubles : IDisposable
{
    private double[] _items = [];

    public int Count { get; private set; }

    public void Add(double value)
    {
        if (Count == _items.Length)
        {
            var bigger = ArrayPool<double>.Shared.Rent(Math.Max(16, _items.Length * 2));
            _items.AsSpan(0, Count).CopyTo(bigger);
            Return();
            _items = bigger;
        }
        _items[Count++] = value;
    }

    /// <summary>Sorts the values in place and returns them.</summary>
    public ReadOnlySpan<double> Sorted()
    {
        var span = _items.AsSpan(0, Count);
        span.Sort();
        return span;
    }

    public void Dispose()
    {
        Return();
        _items = [];
        Count = 0;
    }

    private void Return()
    {
        if (_items.Length > 0) ArrayPool<double>.Shared.Return(_items);
    }
}
