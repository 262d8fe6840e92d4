using System.Numerics;
using System.Runtime.InteropServices;

namespace SecureBase.Audio.Input;

/// <summary>
/// Converts a mono stream from one sample rate to another, chunk by chunk, with a linear-phase
/// windowed-sinc (Kaiser) polyphase filter.
/// </summary>
/// <remarks>
/// <para>
/// With g = gcd(in, out), L = out / g and M = in / g, output sample n sits at input time n·M/L. It is the dot
/// product of the input around that time with the band-limited interpolation kernel
/// h(t) = fc·sinc(fc·t)·kaiser(t), where fc = 0.94·min(1, L/M) keeps the pass band below the lower of the two
/// Nyquist frequencies (so downsampling does not alias) and the kernel spans <see cref="ZeroCrossings"/> zero
/// crossings each side (about 80 dB of stop-band attenuation with β = 8).
/// </para>
/// <para>
/// The kernel is tabulated once per phase: exactly L phases when L ≤ 512 (every common pair of rates), otherwise
/// 512 phases with linear interpolation between neighbouring phases. Time is aligned: output sample n
/// corresponds to input time n/outRate seconds (the filter's delay is compensated by priming with zeros), and
/// after <see cref="Flush"/> exactly ceil(inputCount·L/M) samples have been produced.
/// </para>
/// <para>
/// <see cref="Process"/> allocates only when it first sees a chunk larger than any before (to grow its history
/// buffer); in steady state it allocates nothing.
/// </para>
/// </remarks>
public sealed class StreamingResampler
{
    /// <summary>Zero crossings of the sinc kernel on each side of its centre (at the lower of the two rates).</summary>
    public const int ZeroCrossings = 16;

    private const int MaxExactPhases = 512;
    private const double KaiserBeta = 8.0;
    private const double CutoffFraction = 0.94;

    private readonly int _l;
    private readonly int _m;
    private readonly int _taps;
    private readonly int _tablePhases;
    private readonly bool _exactPhases;
    private readonly float[] _table;

    private float[] _history;
    private int _historyCount;
    private int _position;
    private int _phase;
    private long _inputCount;
    private long _outputCount;

    /// <param name="inputRate">Rate of the incoming samples, in Hz.</param>
    /// <param name="outputRate">Rate wanted, in Hz.</param>
    /// <exception cref="AudioFormatException">A rate is outside <see cref="AudioLimits"/>.</exception>
    public StreamingResampler(int inputRate, int outputRate)
    {
        AudioLimits.ValidateSampleRate(inputRate);
        AudioLimits.ValidateSampleRate(outputRate);
        InputRate = inputRate;
        OutputRate = outputRate;
        int g = Gcd(inputRate, outputRate);
        _l = outputRate / g;
        _m = inputRate / g;

        double fc = CutoffFraction * Math.Min(1.0, (double)_l / _m);
        int halfTaps = (int)Math.Ceiling(ZeroCrossings / fc);
        _taps = 2 * halfTaps;
        _exactPhases = _l <= MaxExactPhases;
        _tablePhases = _exactPhases ? _l : MaxExactPhases;
        _table = BuildTable(fc, halfTaps);
        _history = new float[_taps + 4096];
        Reset();
    }

    /// <summary>Rate of the incoming samples, in Hz.</summary>
    public int InputRate { get; }

    /// <summary>Rate of the produced samples, in Hz.</summary>
    public int OutputRate { get; }

    /// <summary>True when the rates are equal and samples are copied through unchanged.</summary>
    public bool IsPassThrough => _l == _m;

    /// <summary>
    /// An output length that is always enough for <see cref="Process"/> of <paramref name="inputLength"/> samples
    /// (and for <see cref="Flush"/>, with inputLength = 0).
    /// </summary>
    public int MaxOutputLength(int inputLength) =>
        (int)Math.Min(int.MaxValue, ((long)inputLength + _taps) * _l / _m + 2);

    /// <summary>Clears the history, as if the stream started again.</summary>
    public void Reset()
    {
        // Priming with half a filter of silence centres the first output on input time 0.
        _historyCount = _taps / 2 - 1;
        Array.Clear(_history, 0, _historyCount);
        _position = 0;
        _phase = 0;
        _inputCount = 0;
        _outputCount = 0;
    }

    /// <summary>Feeds <paramref name="input"/> and writes the output samples now computable.</summary>
    /// <param name="input">Samples at <see cref="InputRate"/>.</param>
    /// <param name="output">Receives samples at <see cref="OutputRate"/>; size it with <see cref="MaxOutputLength"/>.</param>
    /// <returns>The number of samples written.</returns>
    public int Process(ReadOnlySpan<float> input, Span<float> output)
    {
        if (IsPassThrough)
        {
            if (output.Length < input.Length)
            {
                throw new ArgumentException("The output span is shorter than the input.", nameof(output));
            }

            input.CopyTo(output);
            _inputCount += input.Length;
            _outputCount += input.Length;
            return input.Length;
        }

        Append(input);
        _inputCount += input.Length;
        return Produce(output, long.MaxValue);
    }

    /// <summary>Ends the stream: writes the samples still held back by the filter's look-ahead.</summary>
    /// <returns>The number of samples written.</returns>
    public int Flush(Span<float> output)
    {
        if (IsPassThrough)
        {
            return 0;
        }

        long expectedTotal = (_inputCount * _l + _m - 1) / _m;
        Span<float> silence = stackalloc float[64];
        silence.Clear();
        int written = 0;
        for (int padded = 0; padded < _taps / 2 + 1; padded += silence.Length)
        {
            Append(silence);
            written += Produce(output[written..], expectedTotal);
        }

        return written;
    }

    private void Append(ReadOnlySpan<float> input)
    {
        int needed = _historyCount + input.Length;
        if (needed > _history.Length)
        {
            Array.Resize(ref _history, Math.Max(needed, _history.Length * 2));
        }

        input.CopyTo(_history.AsSpan(_historyCount));
        _historyCount = needed;
    }

    private int Produce(Span<float> output, long limit)
    {
        int written = 0;
        ReadOnlySpan<float> history = _history;
        while (_position + _taps <= _historyCount && written < output.Length && _outputCount < limit)
        {
            ReadOnlySpan<float> window = history.Slice(_position, _taps);
            output[written++] = _exactPhases ? Dot(window, _table.AsSpan(_phase * _taps, _taps)) : Interpolated(window);
            _outputCount++;
            int next = _phase + _m;
            _position += next / _l;
            _phase = next % _l;
        }

        // Keep only the history still needed by future outputs at the front of the buffer.
        int keep = _historyCount - _position;
        if (_position > 0)
        {
            history.Slice(_position, keep).CopyTo(_history);
            _position = 0;
            _historyCount = keep;
        }

        return written;
    }

    private float Interpolated(ReadOnlySpan<float> window)
    {
        double scaled = (double)_phase * _tablePhases / _l;
        int index = (int)scaled;
        float weight = (float)(scaled - index);
        float a = Dot(window, _table.AsSpan(index * _taps, _taps));
        float b = Dot(window, _table.AsSpan((index + 1) * _taps, _taps));
        return a + ((b - a) * weight);
    }

    private float[] BuildTable(double fc, int halfTaps)
    {
        // One extra phase (fraction = 1) so interpolation can always use phase index + 1.
        int phases = _tablePhases + (_exactPhases ? 0 : 1);
        var table = new float[phases * _taps];
        double besselOfBeta = BesselI0(KaiserBeta);
        for (int phase = 0; phase < phases; phase++)
        {
            double fraction = (double)phase / _tablePhases;
            for (int tap = 0; tap < _taps; tap++)
            {
                // Tap j multiplies input sample (i - halfTaps + 1 + j); its distance from the output time is:
                double t = fraction + halfTaps - 1 - tap;
                double x = t / halfTaps;
                double window = Math.Abs(x) >= 1 ? 0 : BesselI0(KaiserBeta * Math.Sqrt(1 - (x * x))) / besselOfBeta;
                table[(phase * _taps) + tap] = (float)(fc * Sinc(fc * t) * window);
            }
        }

        return table;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int i = 0;
        float sum = 0;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<float>.Count)
        {
            ReadOnlySpan<Vector<float>> va = MemoryMarshal.Cast<float, Vector<float>>(a);
            ReadOnlySpan<Vector<float>> vb = MemoryMarshal.Cast<float, Vector<float>>(b);
            Vector<float> acc = Vector<float>.Zero;
            for (int v = 0; v < va.Length; v++)
            {
                acc += va[v] * vb[v];
            }

            sum = Vector.Sum(acc);
            i = va.Length * Vector<float>.Count;
        }

        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static double Sinc(double x) => Math.Abs(x) < 1e-12 ? 1.0 : Math.Sin(Math.PI * x) / (Math.PI * x);

    private static double BesselI0(double x)
    {
        // Power series of the modified Bessel function of the first kind, order 0; converges fast for x ≤ 20.
        double sum = 1, term = 1, halfX = x / 2;
        for (int k = 1; k < 50 && term > 1e-12 * sum; k++)
        {
            term *= halfX / k * (halfX / k);
            sum += term;
        }

        return sum;
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
