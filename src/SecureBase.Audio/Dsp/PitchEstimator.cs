namespace SecureBase.Audio.Dsp;

/// <summary>
/// Frame pitch by normalised cross-correlation (NCCF) over a fixed window, with SIMD dot products and parabolic
/// refinement. Cheaper than an FFT at the short lags a cry needs (a 150-1600 Hz search at 8 kHz is ~50 lags),
/// allocation-free after construction.
/// </summary>
public sealed class PitchEstimator
{
    // Peaks within this share of the best one are preferred at the shorter lag, which avoids octave-down errors.
    private readonly double _octavePreference;
    private readonly double _strictPreference;

    // A periodic signal dips between lag 0 and its period; a smooth (brown/pink) noise correlation does not.
    private const double MinimumDip = 0.2;

    private readonly int _sampleRate;
    private readonly int _minLag;
    private readonly int _maxLag;
    private readonly int _window;
    private readonly float[] _correlation;

    /// <summary>Creates an estimator for frames of <paramref name="frameLength"/> samples.</summary>
    /// <param name="sampleRate">Sample rate of the frames, in Hz.</param>
    /// <param name="frameLength">Samples per frame; must exceed the longest period.</param>
    /// <param name="minF0Hz">Lowest f0 searched, in Hz.</param>
    /// <param name="maxF0Hz">Highest f0 searched, in Hz.</param>
    /// <param name="octavePreference">
    /// The shortest period whose correlation peak reaches this share (0.5 to 1) of the best one wins: lower values
    /// avoid octave-down readings of high voices, higher ones avoid reading a low voice on a strong harmonic.
    /// </param>
    /// <param name="strictOctavePreference">
    /// The same share for <see cref="PitchEstimate.StrictF0Hz"/>, a second reading that leans towards the longer
    /// period (octavePreference to 1).
    /// </param>
    public PitchEstimator(int sampleRate, int frameLength, double minF0Hz, double maxF0Hz, double octavePreference = 0.85, double strictOctavePreference = 0.95)
    {
        if (sampleRate <= 0 || minF0Hz <= 0 || maxF0Hz <= minF0Hz)
        {
            throw new ArgumentException("Pitch search needs a positive sample rate and 0 < minF0 < maxF0.");
        }

        if (octavePreference is < 0.5 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(octavePreference), "The octave preference must be between 0.5 and 1.");
        }

        if (strictOctavePreference < octavePreference || strictOctavePreference > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(strictOctavePreference), "The strict octave preference must be between the octave preference and 1.");
        }

        _octavePreference = octavePreference;
        _strictPreference = strictOctavePreference;

        _sampleRate = sampleRate;
        _minLag = Math.Max(2, (int)Math.Floor(sampleRate / maxF0Hz));
        _maxLag = (int)Math.Ceiling(sampleRate / minF0Hz) + 1;
        _window = frameLength - _maxLag - 1;
        if (_window < 2 * _maxLag / 3)
        {
            throw new ArgumentException("The frame is too short for the lowest f0 searched.", nameof(frameLength));
        }

        _correlation = new float[_maxLag + 2];
    }

    /// <summary>Estimates the pitch of <paramref name="frame"/>.</summary>
    public PitchEstimate Estimate(ReadOnlySpan<float> frame)
    {
        ReadOnlySpan<float> head = frame[.._window];
        float headEnergy = IntegerDecimator.Dot(head, head);
        if (headEnergy <= 1e-12f)
        {
            return PitchEstimate.None;
        }

        // Energy of the lagged window, kept up to date by sliding instead of recomputing.
        float lagEnergy = IntegerDecimator.Dot(frame.Slice(1, _window), frame.Slice(1, _window));
        for (int lag = 1; lag <= _maxLag + 1; lag++)
        {
            if (lag > 1)
            {
                float leaving = frame[lag - 1];
                float entering = frame[lag + _window - 1];
                lagEnergy += (entering * entering) - (leaving * leaving);
            }

            float cross = IntegerDecimator.Dot(head, frame.Slice(lag, _window));
            float norm = MathF.Sqrt(headEnergy * Math.Max(lagEnergy, 1e-12f));
            _correlation[lag] = cross / norm;
        }

        // Best local maximum in the search range, compared by its interpolated height: at short lags (high f0) the
        // true peak falls between integer lags and its sampled value understates it, which would favour octave errors.
        float best = float.MinValue;
        for (int lag = _minLag; lag <= _maxLag; lag++)
        {
            if (IsPeak(lag))
            {
                best = Math.Max(best, PeakHeight(lag));
            }
        }

        if (best <= 0)
        {
            return PitchEstimate.None;
        }

        float runningMin = float.MaxValue;
        for (int lag = 1; lag <= _maxLag; lag++)
        {
            runningMin = Math.Min(runningMin, _correlation[lag]);
            if (lag >= _minLag && IsPeak(lag))
            {
                float height = PeakHeight(lag);
                if (height >= _octavePreference * best && height - runningMin >= MinimumDip)
                {
                    double f0 = _sampleRate / RefineLag(lag);
                    return new PitchEstimate(f0, Math.Min(height, 1f))
                    {
                        SubharmonicExcess = best - height,
                        StrictF0Hz = height >= _strictPreference * best ? f0 : StrictReading(lag, runningMin, best),
                    };
                }
            }
        }

        return PitchEstimate.None;
    }

    /// <summary>The first period from <paramref name="fromLag"/> on whose peak reaches the strict share of the best one.</summary>
    private double StrictReading(int fromLag, float runningMin, float best)
    {
        for (int lag = fromLag + 1; lag <= _maxLag; lag++)
        {
            runningMin = Math.Min(runningMin, _correlation[lag]);
            if (IsPeak(lag) && PeakHeight(lag) >= _strictPreference * best && PeakHeight(lag) - runningMin >= MinimumDip)
            {
                return _sampleRate / RefineLag(lag);
            }
        }

        // The best peak itself always qualifies unless it fails the dip test; then keep the lenient reading.
        return _sampleRate / RefineLag(fromLag);
    }

    private bool IsPeak(int lag) => _correlation[lag] > _correlation[lag - 1] && _correlation[lag] >= _correlation[lag + 1];

    private float PeakHeight(int lag)
    {
        float left = _correlation[lag - 1];
        float centre = _correlation[lag];
        float right = _correlation[lag + 1];
        float curvature = left - (2 * centre) + right;
        if (curvature >= 0)
        {
            return centre;
        }

        float offset = Math.Clamp(0.5f * (left - right) / curvature, -0.5f, 0.5f);
        return centre - (0.25f * (left - right) * offset);
    }

    private double RefineLag(int lag)
    {
        double left = _correlation[lag - 1];
        double centre = _correlation[lag];
        double right = _correlation[lag + 1];
        double curvature = left - (2 * centre) + right;
        if (curvature >= 0)
        {
            return lag;
        }

        double offset = 0.5 * (left - right) / curvature;
        return lag + Math.Clamp(offset, -0.5, 0.5);
    }
}
