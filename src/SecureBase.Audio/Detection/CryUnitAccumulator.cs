using SecureBase.Audio.Dsp;

namespace SecureBase.Audio.Detection;

/// <summary>
/// The cry unit being heard right now: a run of voiced, high-pitched frames with voice breaks of at most
/// <see cref="CryDetectorOptions.MaxGapInUnitSeconds"/>. Preallocated and reused, so units cost no allocation.
/// </summary>
internal sealed class CryUnitAccumulator
{
    // A step larger than this (10% in log f0) is a note change or a pitch-tracking slip, not a living waver.
    private const double JumpLog = 0.1;

    // A step larger than this (0.1%) counts as movement.
    private const double MovingLog = 0.001;

    // "Initial pitch" is measured over this many frames (0.2 s at a 10 ms hop).
    internal const int InitialFrames = 20;

    private double _previousLogF0;
    private int _steps;
    private int _movingSteps;
    private int _jumpSteps;
    private double _strengthSum;
    private double _strengthSquares;
    private double _levelDbSum;
    private double _levelDbSquares;
    private double _overFloorSum;
    private double _brightnessSum;
    private double _logF0Sum;
    private double _logF0Squares;
    private double _timeSum;
    private double _timeSquares;
    private double _timeLogF0Sum;
    private long _firstFrameIndex;
    private double _previousLogBrightness;
    private double _previousLevelDb;
    private double _logBrightnessSum;
    private double _logBrightnessSquares;
    private double _brightnessStepSum;
    private double _levelStepSum;
    private double _smallStepSum;
    private double _previousLogResonance;
    private int _resonanceCount;
    private double _logResonanceSum;
    private double _resonanceStepSum;
    private double _radiusSum;

    public LogFrequencyHistogram F0Histogram { get; } = new();

    /// <summary>Short-time-spectrum summary of the unit's cry frames while it is pending (filled by the detector).</summary>
    public SpectralUnitSummary Spectrum { get; } = new(SpectralBands);

    /// <summary>Mel bands of the spectrum the detector feeds to <see cref="Spectrum"/>.</summary>
    internal const int SpectralBands = 24;

    /// <summary>Frame f0 read with the stricter octave preference (<see cref="Dsp.PitchEstimate.StrictF0Hz"/>).</summary>
    public LogFrequencyHistogram StrictF0Histogram { get; } = new();

    public bool Active { get; private set; }

    public bool Confirmed { get; set; }

    /// <summary>Passed every opening check with a tree score under the confident score (two-tier opening).</summary>
    public bool Doubtful { get; set; }

    public double StartSeconds { get; private set; }

    public double EndSeconds { get; private set; }

    public long LastFrameIndex { get; private set; }

    /// <summary>Index of the unit's first frame.</summary>
    public long FirstFrameIndex => _firstFrameIndex;

    public int FrameCount { get; private set; }

    public double F0Sum { get; private set; }

    public double InitialF0Sum { get; private set; }

    public int InitialFrameCount { get; private set; }

    /// <summary>When the unit became long enough to count as sustained (crying), or -1.</summary>
    public double LongSinceSeconds { get; set; } = -1;

    public double DurationSeconds => EndSeconds - StartSeconds;

    /// <summary>The highest stage class the unit has reached so far.</summary>
    public CryStage HighestClass { get; set; }

    /// <summary>Loudest frame of the unit so far, in dBFS.</summary>
    public double PeakLevelDb { get; private set; } = double.NegativeInfinity;

    public double MeanF0Hz => FrameCount == 0 ? 0 : F0Sum / FrameCount;

    /// <summary>Median f0 in Hz: robust to the odd octave slip of the pitch tracker.</summary>
    public double MedianF0Hz => F0Histogram.Percentile(0.5) ?? 0;

    /// <summary>Median of the strict f0 readings, in Hz: under the median f0 when the unit is a low voice read on a harmonic.</summary>
    public double StrictMedianF0Hz => StrictF0Histogram.Percentile(0.5) ?? 0;

    public double MeanLevelDb => FrameCount == 0 ? double.NegativeInfinity : _levelDbSum / FrameCount;

    public double MeanStrength => FrameCount == 0 ? 0 : _strengthSum / FrameCount;

    public double LevelDbSum => _levelDbSum;

    public double MovingFraction => _steps == 0 ? 0 : (double)_movingSteps / _steps;

    public void Start(double startSeconds, long frameIndex)
    {
        Clear();
        Active = true;
        StartSeconds = startSeconds;
        _firstFrameIndex = frameIndex;
    }

    public void AddFrame(long frameIndex, double endSeconds, double f0Hz, double strength, double levelDb, double floorDb, double brightnessHz, double strictF0Hz)
    {
        double logF0 = Math.Log(f0Hz);
        double logBrightness = Math.Log(Math.Max(brightnessHz, 50));
        if (FrameCount > 0)
        {
            double step = Math.Abs(logF0 - _previousLogF0);
            _steps++;
            if (step >= JumpLog)
            {
                _jumpSteps++;
            }
            else
            {
                _smallStepSum += step;
                if (step > MovingLog)
                {
                    _movingSteps++;
                }
            }

            // Speech moves its formants and level from syllable to syllable; a cry unit holds one vowel-like sound.
            _brightnessStepSum += Math.Abs(logBrightness - _previousLogBrightness);
            _levelStepSum += Math.Abs(levelDb - _previousLevelDb);
        }

        _previousLogF0 = logF0;
        _previousLogBrightness = logBrightness;
        _previousLevelDb = levelDb;
        _logBrightnessSum += logBrightness;
        _logBrightnessSquares += logBrightness * logBrightness;
        FrameCount++;
        F0Sum += f0Hz;
        if (InitialFrameCount < InitialFrames)
        {
            InitialF0Sum += f0Hz;
            InitialFrameCount++;
        }

        double t = (frameIndex - _firstFrameIndex) * 0.01;
        _logF0Sum += logF0;
        _logF0Squares += logF0 * logF0;
        _timeSum += t;
        _timeSquares += t * t;
        _timeLogF0Sum += t * logF0;
        _strengthSum += strength;
        _strengthSquares += strength * strength;
        PeakLevelDb = Math.Max(PeakLevelDb, levelDb);
        _levelDbSum += levelDb;
        _levelDbSquares += levelDb * levelDb;
        _overFloorSum += levelDb - floorDb;
        _brightnessSum += brightnessHz;
        F0Histogram.Add(f0Hz);
        StrictF0Histogram.Add(strictF0Hz);
        LastFrameIndex = frameIndex;
        EndSeconds = endSeconds;
    }

    /// <summary>Adds the dominant resonance of the frame just added (frequency in Hz, pole radius 0 to 1).</summary>
    public void AddResonance((double FrequencyHz, double Radius) resonance)
    {
        double logResonance = Math.Log(Math.Max(resonance.FrequencyHz, 50));
        if (_resonanceCount > 0)
        {
            _resonanceStepSum += Math.Abs(logResonance - _previousLogResonance);
        }

        _previousLogResonance = logResonance;
        _resonanceCount++;
        _logResonanceSum += logResonance;
        _radiusSum += resonance.Radius;
    }

    /// <summary>
    /// Writes the unit's description so far into <paramref name="features"/> (length <see cref="CryUnitFeatures.Count"/>),
    /// in the order of <see cref="CryUnitFeatures.Names"/>.
    /// </summary>
    public void FillFeatures(Span<float> features)
    {
        double n = Math.Max(FrameCount, 1);
        double span = Math.Max(LastFrameIndex - _firstFrameIndex + 1, 1);
        double meanLog = _logF0Sum / n;
        double timeVariance = (_timeSquares / n) - ((_timeSum / n) * (_timeSum / n));
        double slope = timeVariance > 1e-9 ? ((_timeLogF0Sum / n) - ((_timeSum / n) * meanLog)) / timeVariance : 0;
        double p25 = F0Histogram.Percentile(0.25) ?? 1;
        double p75 = F0Histogram.Percentile(0.75) ?? 1;
        features[0] = (float)Math.Log(Math.Max(MedianF0Hz, 1));
        features[1] = (float)Math.Sqrt(Math.Max((_logF0Squares / n) - (meanLog * meanLog), 0));
        features[2] = (float)Math.Log(p75 / p25);
        features[3] = (float)MovingFraction;
        features[4] = _steps == 0 ? 0 : (float)((double)_jumpSteps / _steps);
        features[5] = (float)MeanStrength;
        features[6] = (float)Math.Sqrt(Math.Max((_strengthSquares / n) - (MeanStrength * MeanStrength), 0));
        features[7] = (float)(FrameCount / span);
        features[8] = (float)(_overFloorSum / n / 10);
        features[9] = (float)Math.Sqrt(Math.Max((_levelDbSquares / n) - (MeanLevelDb * MeanLevelDb), 0)) / 10;
        features[10] = (float)(_brightnessSum / n / 1000);
        features[11] = (float)Math.Clamp(slope, -5, 5);
        features[12] = (float)DurationSeconds;
        double meanLogBrightness = _logBrightnessSum / n;
        double steps = Math.Max(_steps, 1);
        features[13] = (float)Math.Sqrt(Math.Max((_logBrightnessSquares / n) - (meanLogBrightness * meanLogBrightness), 0));
        features[14] = (float)(_brightnessStepSum / steps);
        features[15] = (float)(_levelStepSum / steps / 10);
        features[16] = (float)(_smallStepSum / Math.Max(_steps - _jumpSteps, 1) * 100);
        double resonances = Math.Max(_resonanceCount, 1);
        features[17] = (float)(_logResonanceSum / resonances);
        features[18] = (float)(_resonanceStepSum / Math.Max(_resonanceCount - 1, 1));
        features[19] = (float)(_radiusSum / resonances);
        Spectrum.Fill(features[CryUnitFeatures.SpectralOffset..]);
    }

    public void Clear()
    {
        Active = false;
        Confirmed = false;
        Doubtful = false;
        StartSeconds = EndSeconds = 0;
        LastFrameIndex = _firstFrameIndex = 0;
        FrameCount = 0;
        F0Sum = InitialF0Sum = 0;
        InitialFrameCount = 0;
        LongSinceSeconds = -1;
        PeakLevelDb = double.NegativeInfinity;
        HighestClass = CryStage.Fussing;
        _previousLogF0 = 0;
        _steps = _movingSteps = _jumpSteps = 0;
        _strengthSum = _strengthSquares = _levelDbSum = _levelDbSquares = _overFloorSum = _brightnessSum = 0;
        _logF0Sum = _logF0Squares = _timeSum = _timeSquares = _timeLogF0Sum = 0;
        _previousLogBrightness = _previousLevelDb = 0;
        _logBrightnessSum = _logBrightnessSquares = _brightnessStepSum = _levelStepSum = _smallStepSum = 0;
        _previousLogResonance = _logResonanceSum = _resonanceStepSum = _radiusSum = 0;
        _resonanceCount = 0;
        F0Histogram.Clear();
        StrictF0Histogram.Clear();
        Spectrum.Clear();
    }
}
