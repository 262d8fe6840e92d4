using System.Numerics;
using System.Runtime.InteropServices;

namespace SecureBase.Audio.Dsp;

/// <summary>
/// Streaming integer-factor decimator: a windowed-sinc low-pass FIR evaluated only at the kept output samples.
/// Allocation-free after construction; the history is a doubled ring so every dot product reads one contiguous span.
/// </summary>
public sealed class IntegerDecimator
{
    private readonly float[] _taps;
    private readonly float[] _history;
    private readonly int _factor;
    private int _writeIndex;
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
        int length = factor == 1 ? 1 : (12 * factor) + 1;
        _taps = DesignLowPass(length, factor);
        _history = new float[2 * length];
    }

    /// <summary>The decimation factor.</summary>
    public int Factor => _factor;

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

        int length = _taps.Length;
        int written = 0;
        for (int i = 0; i < input.Length; i++)
        {
            float sample = input[i];
            _history[_writeIndex] = sample;
            _history[_writeIndex + length] = sample;
            _writeIndex++;
            if (_writeIndex == length)
            {
                _writeIndex = 0;
            }

            if (++_phase == _factor)
            {
                _phase = 0;
                // The oldest sample sits at _writeIndex; the window [_writeIndex, _writeIndex + length) is in time order.
                output[written++] = Dot(_history.AsSpan(_writeIndex, length), _taps);
            }
        }

        return written;
    }

    /// <summary>Forgets the signal history.</summary>
    public void Reset()
    {
        Array.Clear(_history);
        _writeIndex = 0;
        _phase = 0;
    }

    /// <summary>SIMD dot product of two equally long spans.</summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int n = a.Length;
        int i = 0;
        float sum = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<float>.Count)
        {
            var acc = Vector<float>.Zero;
            var va = MemoryMarshal.Cast<float, Vector<float>>(a);
            var vb = MemoryMarshal.Cast<float, Vector<float>>(b[..a.Length]);
            for (int v = 0; v < va.Length; v++)
            {
                acc += va[v] * vb[v];
            }

            sum = Vector.Sum(acc);
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
        int middle = length / 2;
        double sum = 0;
        for (int n = 0; n < length; n++)
        {
            int k = n - middle;
            double sinc = k == 0 ? 2 * cutoff : Math.Sin(2 * Math.PI * cutoff * k) / (Math.PI * k);
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
