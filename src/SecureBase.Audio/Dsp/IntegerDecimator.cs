using System.Numerics;
using System.Runtime.InteropServices;

namespace SecureBase.Audio.Dsp;

/// <summary>
/// Streaming integer-factor decimator: a windowed-sinc low-pass FIR evaluated only at the kept output samples.
/// Input is copied block-wise behind the last taps-1 samples, so every output is one contiguous SIMD dot product and
/// no per-sample bookkeeping is needed. Allocation-free after construction.
/// </summary>
public sealed class IntegerDecimator
{
    private const int BlockSize = 2048;

    private readonly float[] _taps;
    private readonly float[] _buffer;
    private readonly int _factor;
    private int _phase;

    /// <summary>Creates a decimator keeping one sample in <paramref name="factor"/> (1 = pass-through).</summary>
    /// <param name="factor">Decimation factor, 1 to 24.</param>
    public IntegerDecimator(int factor)
    {
        if (factor is < 1 or > 24)
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "The decimation factor must be between 1 and 24.");
        }

        _factor = factor;
        // About 12 taps per unit of factor, rounded up to a whole number of SIMD vectors.
        int length = factor == 1 ? 1 : (((12 * factor) + 7) / 8) * 8;
        _taps = DesignLowPass(length, factor);
        _buffer = new float[length - 1 + BlockSize];
    }

    /// <summary>The decimation factor.</summary>
    public int Factor => _factor;

    /// <summary>Delay of the filter, in input samples.</summary>
    public double DelaySamples => (_taps.Length - 1) / 2.0;

    /// <summary>
    /// Filters <paramref name="input"/> and writes the kept samples to <paramref name="output"/>, which must hold at
    /// least <c>input.Length / Factor + 1</c> samples.
    /// </summary>
    /// <returns>The number of samples written.</returns>
    public int Process(ReadOnlySpan<float> input, Span<float> output)
    {
        if (_factor == 1)
        {
            input.CopyTo(output);
            return input.Length;
        }

        int history = _taps.Length - 1;
        int written = 0;
        while (!input.IsEmpty)
        {
            int n = Math.Min(input.Length, BlockSize);
            input[..n].CopyTo(_buffer.AsSpan(history));
            // The k-th new sample completes an output when (phase + k + 1) is a multiple of the factor; its window
            // is _buffer[k .. k + taps) in time order.
            for (int k = _factor - 1 - _phase; k < n; k += _factor)
            {
                output[written++] = Dot(_buffer.AsSpan(k, _taps.Length), _taps);
            }

            _phase = (_phase + n) % _factor;
            Array.Copy(_buffer, n, _buffer, 0, history);
            input = input[n..];
        }

        return written;
    }

    /// <summary>Forgets the signal history.</summary>
    public void Reset()
    {
        Array.Clear(_buffer);
        _phase = 0;
    }

    /// <summary>SIMD dot product of two equally long spans.</summary>
    /// <remarks>
    /// Four independent accumulators with fused multiply-adds: with a single accumulator every step waits for the
    /// previous addition (a 4-cycle dependency chain), which made this — the pitch search's inner loop — latency-bound.
    /// </remarks>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int n = a.Length;
        int i = 0;
        float sum = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<float>.Count)
        {
            var va = MemoryMarshal.Cast<float, Vector<float>>(a);
            var vb = MemoryMarshal.Cast<float, Vector<float>>(b[..a.Length]);
            var acc0 = Vector<float>.Zero;
            var acc1 = Vector<float>.Zero;
            var acc2 = Vector<float>.Zero;
            var acc3 = Vector<float>.Zero;
            int v = 0;
            for (; v + 4 <= va.Length; v += 4)
            {
                acc0 = Vector.FusedMultiplyAdd(va[v], vb[v], acc0);
                acc1 = Vector.FusedMultiplyAdd(va[v + 1], vb[v + 1], acc1);
                acc2 = Vector.FusedMultiplyAdd(va[v + 2], vb[v + 2], acc2);
                acc3 = Vector.FusedMultiplyAdd(va[v + 3], vb[v + 3], acc3);
            }

            for (; v < va.Length; v++)
            {
                acc0 = Vector.FusedMultiplyAdd(va[v], vb[v], acc0);
            }

            sum = Vector.Sum((acc0 + acc1) + (acc2 + acc3));
            i = va.Length * Vector<float>.Count;
        }

        for (; i < n; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static float[] DesignLowPass(int length, int factor)
    {
        var taps = new float[length];
        if (length == 1)
        {
            taps[0] = 1;
            return taps;
        }

        // Cut-off a little under the new Nyquist frequency so the cry band (up to ~3.5 kHz at 8 kHz) survives.
        double cutoff = 0.45 / factor;
        double middle = (length - 1) / 2.0;
        double sum = 0;
        for (int n = 0; n < length; n++)
        {
            double k = n - middle;
            double sinc = Math.Abs(k) < 1e-9 ? 2 * cutoff : Math.Sin(2 * Math.PI * cutoff * k) / (Math.PI * k);
            double window = 0.42 - (0.5 * Math.Cos(2 * Math.PI * n / (length - 1))) + (0.08 * Math.Cos(4 * Math.PI * n / (length - 1)));
            taps[n] = (float)(sinc * window);
            sum += taps[n];
        }

        for (int n = 0; n < length; n++)
        {
            taps[n] = (float)(taps[n] / sum);
        }

        return taps;
    }
}
