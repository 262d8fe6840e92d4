namespace SecureBase.Audio.Dsp;

/// <summary>
/// Per-unit summary of the short-time spectrum (<see cref="MelSpectrum"/>) of a unit's cry frames: the mean spectral
/// envelope (cepstral coefficients, level removed), how much it moves from frame to frame (spectral flux over 10 and
/// 50 ms), flatness, the balance of high and low frequencies and how much of the energy sits on the harmonics of f0.
/// </summary>
/// <remarks>
/// Why: a cry unit holds one vowel-like sound with strong high harmonics, speech changes its envelope every syllable,
/// a miaow glides. The per-unit pitch and level summaries overlap between cries and high voices; the envelope and its
/// movement are a different view. Preallocated and reused; <see cref="Add"/> allocates nothing.
/// </remarks>
public sealed class SpectralUnitSummary
{
    /// <summary>Cepstral coefficients kept (1 to this; c0 is the level and is left out).</summary>
    public const int Cepstra = 6;

    /// <summary>Number of values <see cref="Fill"/> writes.</summary>
    public const int Count = Cepstra + 6;

    private const int History = 5;
    private const double HarmonicReachHz = 31.25;

    // Above this the decimator's low-pass (its transition band depends on the input rate) shapes the spectrum, and the
    // training cries (8 kHz files, never decimated) would differ from a 16 or 48 kHz stream for that reason alone.
    private const double TopHz = 3200;

    private readonly int _bands;
    private readonly float[] _dct;
    private readonly float[] _shape;
    private readonly float[][] _previous;
    private readonly long[] _previousIndex;
    private readonly double[] _cepstrumSum = new double[Cepstra];
    private readonly double[] _cepstrumSquares = new double[Cepstra];
    private int _frames;
    private double _flux10Sum;
    private int _flux10Count;
    private double _flux50Sum;
    private int _flux50Count;
    private double _flatnessSum;
    private double _highLowSum;
    private double _harmonicSum;

    /// <summary>Creates a summary for spectra with <paramref name="bands"/> mel bands.</summary>
    public SpectralUnitSummary(int bands)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bands, 2);
        _bands = bands;
        _dct = new float[Cepstra * bands];
        for (int k = 1; k <= Cepstra; k++)
        {
            for (int b = 0; b < bands; b++)
            {
                _dct[((k - 1) * bands) + b] = (float)(2.0 / bands * Math.Cos(Math.PI * k * (b + 0.5) / bands));
            }
        }

        _shape = new float[bands];
        _previous = new float[History][];
        for (int i = 0; i < History; i++)
        {
            _previous[i] = new float[bands];
        }

        _previousIndex = new long[History];
        Clear();
    }

    /// <summary>Frames summarised so far.</summary>
    public int Frames => _frames;

    /// <summary>Adds the spectrum just analysed by <paramref name="spectrum"/> for frame <paramref name="frameIndex"/> (10 ms hops) with f0 in Hz.</summary>
    public void Add(MelSpectrum spectrum, long frameIndex, double f0Hz)
    {
        ArgumentNullException.ThrowIfNull(spectrum);
        ReadOnlySpan<float> logMel = spectrum.LogMel;
        float mean = 0;
        for (int b = 0; b < _bands; b++)
        {
            mean += logMel[b];
        }

        mean /= _bands;
        for (int b = 0; b < _bands; b++)
        {
            _shape[b] = logMel[b] - mean;
        }

        for (int k = 0; k < Cepstra; k++)
        {
            double c = 0;
            for (int b = 0; b < _bands; b++)
            {
                c += _dct[(k * _bands) + b] * _shape[b];
            }

            _cepstrumSum[k] += c;
            _cepstrumSquares[k] += c * c;
        }

        // Flux compares level-free envelopes of frames exactly 1 and 5 hops apart (bridged voice breaks are skipped).
        int slot = (int)(frameIndex % History);
        int slot1 = (int)((frameIndex - 1) % History);
        if (frameIndex >= 1 && _previousIndex[slot1] == frameIndex - 1)
        {
            _flux10Sum += Distance(_shape, _previous[slot1]);
            _flux10Count++;
        }

        if (frameIndex >= History && _previousIndex[slot] == frameIndex - History)
        {
            _flux50Sum += Distance(_shape, _previous[slot]);
            _flux50Count++;
        }

        _shape.CopyTo(_previous[slot], 0);
        _previousIndex[slot] = frameIndex;
        AddBins(spectrum, f0Hz);
        _frames++;
    }

    /// <summary>
    /// Writes the summary into <paramref name="features"/> (length <see cref="Count"/>): mean cepstra 1-6, their mean
    /// standard deviation, mean flux over 10 and 50 ms (RMS change of ln band power), mean ln spectral flatness
    /// (300-3200 Hz), mean ln(power over 1.6 kHz / power under 1.6 kHz), mean share of 300-3200 Hz power within a bin of a
    /// harmonic of f0 (within 31 Hz). Zeros when no frame was added.
    /// </summary>
    public void Fill(Span<float> features)
    {
        double n = Math.Max(_frames, 1);
        double spread = 0;
        for (int k = 0; k < Cepstra; k++)
        {
            double m = _cepstrumSum[k] / n;
            features[k] = (float)m;
            spread += Math.Sqrt(Math.Max((_cepstrumSquares[k] / n) - (m * m), 0));
        }

        features[Cepstra] = (float)(spread / Cepstra);
        features[Cepstra + 1] = (float)(_flux10Sum / Math.Max(_flux10Count, 1));
        features[Cepstra + 2] = (float)(_flux50Sum / Math.Max(_flux50Count, 1));
        features[Cepstra + 3] = (float)(_flatnessSum / n);
        features[Cepstra + 4] = (float)(_highLowSum / n);
        features[Cepstra + 5] = (float)(_harmonicSum / n);
    }

    /// <summary>Forgets the unit.</summary>
    public void Clear()
    {
        _frames = _flux10Count = _flux50Count = 0;
        _flux10Sum = _flux50Sum = _flatnessSum = _highLowSum = _harmonicSum = 0;
        Array.Clear(_cepstrumSum);
        Array.Clear(_cepstrumSquares);
        Array.Fill(_previousIndex, -1000);
    }

    private float Distance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        float squares = 0;
        for (int i = 0; i < _bands; i++)
        {
            float d = a[i] - b[i];
            squares += d * d;
        }

        return MathF.Sqrt(squares / _bands);
    }

    private void AddBins(MelSpectrum spectrum, double f0Hz)
    {
        ReadOnlySpan<float> power = spectrum.Power;
        double binHz = spectrum.BinHz;
        int low = Math.Max(1, (int)Math.Ceiling(300 / binHz));
        int high = Math.Min(power.Length - 1, (int)Math.Floor(TopHz / binHz));
        int split = Math.Clamp((int)Math.Round(1600 / binHz), low, high);
        double total = 1e-12, logSum = 0, under = 1e-12, over = 1e-12;
        for (int k = low; k <= high; k++)
        {
            double p = power[k] + 1e-12;
            total += p;
            logSum += Math.Log(p);
            if (k < split)
            {
                under += p;
            }
            else
            {
                over += p;
            }
        }

        int bins = high - low + 1;
        _flatnessSum += (logSum / bins) - Math.Log(total / bins);
        _highLowSum += Math.Log(over / under);

        // Harmonic share: power within ±31 Hz (one bin of a 256-point FFT at 8 kHz, whatever the FFT size) of each
        // harmonic of f0, over the band's power.
        double harmonic = 0;
        int lastCounted = -1;
        int reach = Math.Max(1, (int)Math.Round(HarmonicReachHz / binHz));
        for (double f = f0Hz; f0Hz > 0 && f <= TopHz; f += f0Hz)
        {
            int centre = (int)Math.Round(f / binHz);
            for (int k = Math.Max(centre - reach, Math.Max(low, lastCounted + 1)); k <= Math.Min(centre + reach, high); k++)
            {
                harmonic += power[k];
                lastCounted = k;
            }
        }

        _harmonicSum += harmonic / total;
    }
}
