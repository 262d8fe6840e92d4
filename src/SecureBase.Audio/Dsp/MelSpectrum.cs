namespace SecureBase.Audio.Dsp;

/// <summary>
/// Short-time spectrum of one frame: Hann window, radix-2 FFT (zero-padded to a power of two), power per bin and
/// log-mel bands. Every buffer and the twiddle factors are allocated once, so <see cref="Analyse"/> allocates nothing.
/// </summary>
/// <remarks>
/// Used by the detector only for the cry frames of a unit that has not opened an episode yet (a few hundred frames
/// per unit at most), never on background or inside an open episode, so it does not weigh on the hot path.
/// </remarks>
public sealed class MelSpectrum
{
    private readonly int _size;
    private readonly int _frameLength;
    private readonly float[] _window;
    private readonly float[] _re;
    private readonly float[] _im;
    private readonly float[] _cos;
    private readonly float[] _sin;
    private readonly int[] _bitReverse;
    private readonly float[] _power;
    private readonly int[] _bandStart;
    private readonly int[] _bandEnd;
    private readonly float[][] _bandWeights;
    private readonly float[] _logMel;

    /// <summary>Creates an analyser for frames of <paramref name="frameLength"/> samples at <paramref name="sampleRate"/> Hz.</summary>
    /// <param name="sampleRate">Sample rate of the frames, in Hz.</param>
    /// <param name="frameLength">Samples per frame (zero-padded up to the next power of two).</param>
    /// <param name="bands">Number of mel bands.</param>
    /// <param name="lowHz">Lower edge of the first band, in Hz.</param>
    /// <param name="highHz">Upper edge of the last band, in Hz (clamped to just under half the sample rate).</param>
    public MelSpectrum(int sampleRate, int frameLength, int bands = 24, double lowHz = 150, double highHz = 4000)
    {
        if (sampleRate <= 0 || frameLength < 16 || bands < 2 || lowHz <= 0 || highHz <= lowHz)
        {
            throw new ArgumentException("A mel spectrum needs a positive rate, frames of at least 16 samples, 2+ bands and 0 < low < high.");
        }

        _frameLength = frameLength;
        _size = 1;
        while (_size < frameLength)
        {
            _size <<= 1;
        }

        SampleRate = sampleRate;
        _window = new float[frameLength];
        for (int i = 0; i < frameLength; i++)
        {
            _window[i] = (float)(0.5 - (0.5 * Math.Cos(2 * Math.PI * i / (frameLength - 1))));
        }

        _re = new float[_size];
        _im = new float[_size];
        _cos = new float[_size / 2];
        _sin = new float[_size / 2];
        for (int k = 0; k < _size / 2; k++)
        {
            _cos[k] = (float)Math.Cos(2 * Math.PI * k / _size);
            _sin[k] = (float)-Math.Sin(2 * Math.PI * k / _size);
        }

        _bitReverse = new int[_size];
        int bits = System.Numerics.BitOperations.Log2((uint)_size);
        for (int i = 0; i < _size; i++)
        {
            int r = 0;
            for (int b = 0; b < bits; b++)
            {
                r |= ((i >> b) & 1) << (bits - 1 - b);
            }

            _bitReverse[i] = r;
        }

        _power = new float[(_size / 2) + 1];
        highHz = Math.Min(highHz, sampleRate * 0.49);
        (_bandStart, _bandEnd, _bandWeights) = MelFilters(bands, lowHz, highHz);
        _logMel = new float[bands];
    }

    /// <summary>Sample rate of the frames, in Hz.</summary>
    public int SampleRate { get; }

    /// <summary>Number of mel bands.</summary>
    public int Bands => _logMel.Length;

    /// <summary>Width of one FFT bin, in Hz.</summary>
    public double BinHz => SampleRate / (double)_size;

    /// <summary>Power per FFT bin of the last analysed frame (0 to half the sample rate), valid until the next call.</summary>
    public ReadOnlySpan<float> Power => _power;

    /// <summary>Natural log of the power per mel band of the last analysed frame, valid until the next call.</summary>
    public ReadOnlySpan<float> LogMel => _logMel;

    /// <summary>Analyses one frame (at most the frame length given at construction). Allocation-free.</summary>
    public void Analyse(ReadOnlySpan<float> frame)
    {
        int n = Math.Min(frame.Length, _frameLength);
        for (int i = 0; i < _size; i++)
        {
            int source = _bitReverse[i];
            _re[i] = source < n ? frame[source] * _window[source] : 0f;
            _im[i] = 0f;
        }

        Transform();
        for (int k = 0; k < _power.Length; k++)
        {
            _power[k] = (_re[k] * _re[k]) + (_im[k] * _im[k]);
        }

        for (int band = 0; band < _logMel.Length; band++)
        {
            float sum = 1e-10f;
            float[] weights = _bandWeights[band];
            for (int k = _bandStart[band]; k < _bandEnd[band]; k++)
            {
                sum += weights[k - _bandStart[band]] * _power[k];
            }

            _logMel[band] = MathF.Log(sum);
        }
    }

    /// <summary>In-place iterative radix-2 FFT on bit-reversed input.</summary>
    private void Transform()
    {
        for (int length = 2; length <= _size; length <<= 1)
        {
            int half = length >> 1;
            int stride = _size / length;
            for (int start = 0; start < _size; start += length)
            {
                for (int j = 0; j < half; j++)
                {
                    float wr = _cos[j * stride];
                    float wi = _sin[j * stride];
                    int a = start + j;
                    int b = a + half;
                    float tr = (_re[b] * wr) - (_im[b] * wi);
                    float ti = (_re[b] * wi) + (_im[b] * wr);
                    _re[b] = _re[a] - tr;
                    _im[b] = _im[a] - ti;
                    _re[a] += tr;
                    _im[a] += ti;
                }
            }
        }
    }

    private (int[] Start, int[] End, float[][] Weights) MelFilters(int bands, double lowHz, double highHz)
    {
        static double Mel(double hz) => 2595 * Math.Log10(1 + (hz / 700));
        static double Hz(double mel) => 700 * (Math.Pow(10, mel / 2595) - 1);
        var edges = new double[bands + 2];
        for (int i = 0; i < edges.Length; i++)
        {
            edges[i] = Hz(Mel(lowHz) + ((Mel(highHz) - Mel(lowHz)) * i / (bands + 1)));
        }

        var start = new int[bands];
        var end = new int[bands];
        var weights = new float[bands][];
        double binHz = BinHz;
        for (int band = 0; band < bands; band++)
        {
            double left = edges[band], centre = edges[band + 1], right = edges[band + 2];
            start[band] = Math.Max(0, (int)Math.Ceiling(left / binHz));
            end[band] = Math.Min(_power.Length, (int)Math.Floor(right / binHz) + 1);
            if (end[band] <= start[band])
            {
                // A band narrower than a bin (low bands of a short FFT) takes the nearest bin.
                start[band] = Math.Min((int)Math.Round(centre / binHz), _power.Length - 1);
                end[band] = start[band] + 1;
            }

            weights[band] = new float[end[band] - start[band]];
            for (int k = start[band]; k < end[band]; k++)
            {
                double f = k * binHz;
                double w = f <= centre ? (f - left) / (centre - left) : (right - f) / (right - centre);
                weights[band][k - start[band]] = (float)Math.Clamp(w, end[band] - start[band] == 1 ? 1 : 0, 1);
            }
        }

        return (start, end, weights);
    }
}
