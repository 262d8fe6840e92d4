using SecureBase.Audio.Dsp;

namespace SecureBase.Audio.Detection;

/// <summary>
/// Everything measured about the open episode, in constant memory (running sums, a fixed histogram and a capped
/// stage timeline). Turned into a <see cref="CryEpisode"/> when the episode ends.
/// </summary>
internal sealed class EpisodeAccumulator
{
    // Timelines longer than this keep their first entries only, so an endless stream cannot grow memory.
    internal const int MaxStages = 64;

    private readonly List<(CryStage Stage, double StartSeconds)> _stages = new(MaxStages);
    private readonly LogFrequencyHistogram _f0Histogram = new();
    private RunningStatistics _unitDurations;
    private RunningStatistics _pauses;
    private RunningStatistics _onsetIntervals;
    private double _f0Sum;
    private long _cryFrames;
    private double _levelDbSum;
    private double _initialF0Sum;
    private int _initialFrames;
    private double _previousUnitStart;
    private double _previousUnitEnd;

    public bool Open { get; private set; }

    public double StartSeconds { get; private set; }

    public double LastUnitEndSeconds { get; private set; }

    public double LastUnitDurationSeconds { get; private set; }

    public CryStage Stage { get; private set; }

    public CryStage PeakStage { get; private set; }

    public double BackgroundDb { get; private set; }

    /// <summary>Mean level of the first long (crying) unit, the reference for "rising"; NaN until there is one.</summary>
    public double CryingBaselineDb { get; set; } = double.NaN;

    /// <summary>When a unit of each stage class was last heard, indexed by stage.</summary>
    public double[] LastHeardSeconds { get; } = new double[3];

    public int UnitCount => (int)_unitDurations.Count;

    public void Begin(double startSeconds, double backgroundDb)
    {
        Clear();
        Open = true;
        StartSeconds = startSeconds;
        LastUnitEndSeconds = startSeconds;
        BackgroundDb = backgroundDb;
        Stage = PeakStage = CryStage.Fussing;
        _stages.Add((CryStage.Fussing, startSeconds));
        Array.Fill(LastHeardSeconds, double.NegativeInfinity);
    }

    public void ChangeStage(CryStage stage, double atSeconds)
    {
        Stage = stage;
        if (stage > PeakStage)
        {
            PeakStage = stage;
        }

        if (_stages.Count < MaxStages)
        {
            _stages.Add((stage, atSeconds));
        }
    }

    /// <summary>Merges a finished, confirmed unit.</summary>
    public void AddUnit(CryUnitAccumulator unit)
    {
        if (UnitCount > 0)
        {
            _pauses.Add(Math.Max(0, unit.StartSeconds - _previousUnitEnd));
            _onsetIntervals.Add(unit.StartSeconds - _previousUnitStart);
        }
        else
        {
            _initialF0Sum = unit.InitialF0Sum;
            _initialFrames = unit.InitialFrameCount;
        }

        _unitDurations.Add(unit.DurationSeconds);
        _previousUnitStart = unit.StartSeconds;
        _previousUnitEnd = unit.EndSeconds;
        LastUnitEndSeconds = Math.Max(LastUnitEndSeconds, unit.EndSeconds);
        LastUnitDurationSeconds = unit.DurationSeconds;
        _f0Sum += unit.F0Sum;
        _cryFrames += unit.FrameCount;
        _levelDbSum += unit.LevelDbSum;
        _f0Histogram.Add(unit.F0Histogram);
    }

    public CryEpisode Build(CryDetectorOptions options, double hopSeconds)
    {
        double duration = Math.Max(LastUnitEndSeconds - StartSeconds, hopSeconds);
        double? f0Mean = _cryFrames > 0 ? _f0Sum / _cryFrames : null;
        var features = new CryFeatures(
            F0MeanHz: f0Mean,
            F0MinHz: _f0Histogram.Percentile(0.05),
            F0MaxHz: _f0Histogram.Percentile(0.95),
            F0InitialHz: _initialFrames > 0 ? _initialF0Sum / _initialFrames : null,
            UnitCount: UnitCount,
            UnitMeanSeconds: UnitCount > 0 ? _unitDurations.Mean : null,
            PauseMeanSeconds: _pauses.Count > 0 ? _pauses.Mean : null,
            RhythmIrregularity: _onsetIntervals.Count >= 2 && _onsetIntervals.Mean > 0
                ? _onsetIntervals.StandardDeviation / _onsetIntervals.Mean
                : null,
            VoicedFraction: Math.Clamp(_cryFrames * hopSeconds / duration, 0, 1),
            LoudnessOverBackgroundDb: _cryFrames > 0 ? (_levelDbSum / _cryFrames) - BackgroundDb : 0);
        return new CryEpisode(
            StartSeconds,
            Math.Max(LastUnitEndSeconds, StartSeconds),
            PeakStage,
            _stages.ToArray(),
            features,
            AcousticNotes.For(features, options));
    }

    public void Clear()
    {
        Open = false;
        _stages.Clear();
        _f0Histogram.Clear();
        _unitDurations.Clear();
        _pauses.Clear();
        _onsetIntervals.Clear();
        _f0Sum = _levelDbSum = _initialF0Sum = 0;
        _cryFrames = 0;
        _initialFrames = 0;
        _previousUnitStart = _previousUnitEnd = 0;
        StartSeconds = LastUnitEndSeconds = LastUnitDurationSeconds = 0;
        CryingBaselineDb = double.NaN;
        Stage = PeakStage = CryStage.Fussing;
    }
}
