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

    // How far (as a share of the multiple) a reading may sit from k times the reference f0 and still fold back, and how
    // far the folded period may sit from the reference period: a cry's pitch moves a few percent per 10 ms frame.
    private const double FoldTolerance = 0.1;

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
    public PitchEstimate Estimate(ReadOnlySpan<float> frame) => Estimate(frame, 0, 1);

    /// <summary>
    /// Estimates the pitch of <paramref name="frame"/>, holding a track: when the usual reading sits near an integer
    /// multiple (2 to 5) of <paramref name="referenceF0Hz"/> (the previous voiced frame's f0), and the correlation
    /// peak near the reference's period reaches <paramref name="continuityShare"/> of the best peak, the reading is
    /// folded back to that peak. A voice whose strong harmonic sits on a formant then stays on its f0 instead of
    /// jumping to the harmonic and back; the fold only ever lowers a reading, never raises it.
    /// </summary>
    /// <param name="frame">The frame, as long as the estimator was built for.</param>
    /// <param name="referenceF0Hz">The f0 to hold, in Hz; 0 (or less) for none, which gives the usual reading.</param>
    /// <param name="continuityShare">Share (0 to 1) of the best peak the reference's peak must reach to be taken.</param>
    public PitchEstimate Estimate(ReadOnlySpan<float> frame, double referenceF0Hz, double continuityShare)
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
                    double strict = height >= _strictPreference * best ? f0 : StrictReading(lag, runningMin, best);
                    if (referenceF0Hz > 0 && Folded(f0, lag, runningMin, best, referenceF0Hz, continuityShare) is { } fold)
                    {
                        // The strict reading leans to the longer period; it never stays above the folded track.
                        return new PitchEstimate(fold.F0Hz, Math.Min(fold.Height, 1f))
                        {
                            SubharmonicExcess = best - fold.Height,
                            StrictF0Hz = Math.Min(strict, fold.F0Hz),
                        };
                    }

                    return new PitchEstimate(f0, Math.Min(height, 1f))
                    {
                        SubharmonicExcess = best - height,
                        StrictF0Hz = strict,
                    };
                }
            }
        }

        return PitchEstimate.None;
    }

    /// <summary>
    /// The reading folded to the peak near the reference's period, or null when the reading is not near a multiple
    /// (2 to 5) of the reference or no peak there is strong enough.
    /// </summary>
    private (double F0Hz, float Height)? Folded(double f0, int fromLag, float runningMin, float best, double referenceF0Hz, double share)
    {
        double multiple = f0 / referenceF0Hz;
        int k = (int)Math.Round(multiple);
        if (k < 2 || k > 5 || Math.Abs(multiple - k) > FoldTolerance * k)
        {
            return null;
        }

        double referenceLag = _sampleRate / referenceF0Hz;
        int lowLag = Math.Max(fromLag + 1, (int)Math.Floor(referenceLag / (1 + FoldTolerance)));
        int highLag = Math.Min(_maxLag, (int)Math.Ceiling(referenceLag * (1 + FoldTolerance)));
        int bestLag = 0;
        float bestHeight = float.MinValue;
        for (int lag = fromLag + 1; lag <= highLag; lag++)
        {
            // The dip is measured from lag 0, as for the usual reading, so the running minimum spans the whole way.
            runningMin = Math.Min(runningMin, _correlation[lag]);
            if (lag >= lowLag && IsPeak(lag))
            {
                float height = PeakHeight(lag);
                if (height > bestHeight && height >= share * best && height - runningMin >= MinimumDip)
                {
                    bestLag = lag;
                    bestHeight = height;
                }
            }
        }

        return bestLag == 0 ? null : (_sampleRate / RefineLag(bestLag), bestHeight);
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
