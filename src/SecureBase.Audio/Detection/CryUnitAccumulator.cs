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
    private double _strengthSum;
    private double _levelDbSum;

    public LogFrequencyHistogram F0Histogram { get; } = new();

    public bool Active { get; private set; }

    public bool Confirmed { get; set; }

    public double StartSeconds { get; private set; }

    public double EndSeconds { get; private set; }

    public long LastFrameIndex { get; private set; }

    public int FrameCount { get; private set; }

    public double F0Sum { get; private set; }

    public double InitialF0Sum { get; private set; }

    public int InitialFrameCount { get; private set; }

    /// <summary>When the unit became long enough to count as sustained (crying), or -1.</summary>
    public double LongSinceSeconds { get; set; } = -1;

    public double DurationSeconds => EndSeconds - StartSeconds;

    public double MeanF0Hz => FrameCount == 0 ? 0 : F0Sum / FrameCount;

    public double MeanLevelDb => FrameCount == 0 ? double.NegativeInfinity : _levelDbSum / FrameCount;

    public double MeanStrength => FrameCount == 0 ? 0 : _strengthSum / FrameCount;

    public double LevelDbSum => _levelDbSum;

    public double MovingFraction => _steps == 0 ? 0 : (double)_movingSteps / _steps;

    public void Start(double startSeconds)
    {
        Clear();
        Active = true;
        StartSeconds = startSeconds;
    }

    public void AddFrame(long frameIndex, double endSeconds, double f0Hz, double strength, double levelDb)
    {
        double logF0 = Math.Log(f0Hz);
        if (FrameCount > 0)
        {
            double step = Math.Abs(logF0 - _previousLogF0);
            _steps++;
            if (step > MovingLog && step < JumpLog)
            {
                _movingSteps++;
            }
        }

        _previousLogF0 = logF0;
        FrameCount++;
        F0Sum += f0Hz;
        if (InitialFrameCount < InitialFrames)
        {
            InitialF0Sum += f0Hz;
            InitialFrameCount++;
        }

        _strengthSum += strength;
        _levelDbSum += levelDb;
        F0Histogram.Add(f0Hz);
        LastFrameIndex = frameIndex;
        EndSeconds = endSeconds;
    }

    public void Clear()
    {
        Active = false;
        Confirmed = false;
        StartSeconds = EndSeconds = 0;
        LastFrameIndex = 0;
        FrameCount = 0;
        F0Sum = InitialF0Sum = 0;
        InitialFrameCount = 0;
        LongSinceSeconds = -1;
        _previousLogF0 = 0;
        _steps = _movingSteps = 0;
        _strengthSum = _levelDbSum = 0;
        F0Histogram.Clear();
    }
}
