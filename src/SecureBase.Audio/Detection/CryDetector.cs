using SecureBase.Audio.Dsp;
using SecureBase.Audio.Model;

namespace SecureBase.Audio.Detection;

/// <summary>
/// Streaming infant-cry detector. Push mono samples in chunks of any size; events arrive on the sink as soon as they
/// are decided. The same samples give the same events whatever the chunking, and memory stays constant on an
/// endless stream (no allocation per chunk; only a finished episode allocates its description).
/// </summary>
/// <remarks>
/// <para>Pipeline: decimate to about 8 kHz, pre-emphasise, cut into 32 ms frames every 10 ms; per frame measure the
/// level, the background (a slow noise-floor tracker), and the pitch and voicing strength (normalised
/// autocorrelation, 150-1600 Hz).</para>
/// <para>A <b>cry frame</b> is voiced (strength ≥ <see cref="CryDetectorOptions.VoicingThreshold"/>), pitched within
/// [<see cref="CryDetectorOptions.MinF0Hz"/>, <see cref="CryDetectorOptions.MaxF0Hz"/>] and louder than the background
/// by <see cref="CryDetectorOptions.MinLevelOverBackgroundDb"/>. Cry frames, bridging voice breaks up to
/// <see cref="CryDetectorOptions.MaxGapInUnitSeconds"/>, form a <b>unit</b> (one burst of crying). A unit
/// <b>counts</b> once it has lasted <see cref="CryDetectorOptions.MinUnitSeconds"/>, its mean f0 is at least
/// <see cref="CryDetectorOptions.MinUnitMeanF0Hz"/> (speech lies lower), its pitch wavers like a voice
/// (<see cref="CryDetectorOptions.MinPitchMovingFraction"/>) and it is not machine-perfectly periodic
/// (<see cref="CryDetectorOptions.MaxUnitMeanVoicing"/>).</para>
/// <para>An <b>episode</b> opens at the start of the first counting unit (reported as soon as it counts) and ends
/// when no unit has been heard for <see cref="CryDetectorOptions.EpisodeEndSilenceSeconds"/>.</para>
/// <para><b>Stages</b> (SPEC C). Each counting unit has a class: <i>fussing</i> when shorter than
/// <see cref="CryDetectorOptions.CryingUnitSeconds"/> (whiny, discontinuous); <i>crying</i> once it lasts longer
/// (sustained); <i>intense</i> when it is long, follows a long unit after a pause of at most
/// <see cref="CryDetectorOptions.IntenseMaxPauseSeconds"/> (continuous) and is louder than the episode's first long unit
/// by <see cref="CryDetectorOptions.IntenseRiseDb"/> (loud, rising). The episode escalates as soon as a unit of a higher
/// class is heard, dated at that unit's start; it calms down when a unit of a lower class ends and no unit of the
/// current class has been heard for <see cref="CryDetectorOptions.CalmDownSeconds"/>.</para>
/// </remarks>
public sealed partial class CryDetector
{
    private const double HopSeconds = 0.010;
    private const double FrameSeconds = 0.032;
    private const float PreEmphasis = 0.9f;
    private const int DecimateBlock = 2048;

    private readonly CryDetectorOptions _options;
    private readonly IntegerDecimator _decimator;
    private readonly PitchEstimator _pitch;
    private readonly NoiseFloorTracker _floor;
    private CryUnitAccumulator _unit = new();
    private readonly EpisodeAccumulator _episode = new();
    private readonly float[] _decimated;
    private readonly float[] _frame;
    private readonly int _analysisRate;
    private readonly int _hop;
    private readonly int _frameLength;
    private readonly double _delaySeconds;
    private readonly int _maxGapFrames;
    private readonly CryUnitModel? _model;
    private readonly float _modelThreshold;
    private readonly float[] _unitFeatures = new float[CryUnitFeatures.Count];
    private readonly CrySpectralGate? _gate;
    private readonly float _gateThreshold;
    private MelSpectrum? _spectrum;
    private readonly CryTreeModel? _treeModel;
    private readonly float _treeThreshold;
    private readonly bool _trackContext;
    private UnitFeaturesObserver? _unitObserver;

    private int _filled;
    private long _frameIndex;
    private float _previousSample;
    private double _previousUnitEndSeconds = double.NegativeInfinity;
    private double _previousUnitDurationSeconds;

    // The previous frame's f0 while it was voiced, held by PitchContinuity; 0 when there is none to hold.
    private double _trackF0Hz;

    /// <summary>Creates a detector; the options are validated first.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public CryDetector(CryDetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        int factor = DecimationFactor(options.SampleRate);
        _decimator = new IntegerDecimator(factor);
        _analysisRate = options.SampleRate / factor;
        _hop = (int)Math.Round(_analysisRate * HopSeconds);
        _frameLength = (int)Math.Round(_analysisRate * FrameSeconds);
        _delaySeconds = _decimator.DelaySamples / options.SampleRate;
        _pitch = new PitchEstimator(_analysisRate, _frameLength, Math.Min(80, options.MinF0Hz), options.MaxF0Hz, strictOctavePreference: options.OpeningOctavePreference);
        _floor = new NoiseFloorTracker(1 / HopSeconds);
        _decimated = new float[(DecimateBlock / factor) + 2];
        _frame = new float[_frameLength];
        _maxGapFrames = (int)Math.Round(options.MaxGapInUnitSeconds / HopSeconds);
        _model = options.UseLearnedModel ? options.Model ?? CryUnitModel.Shipped : null;
        _modelThreshold = (float)(options.ModelThreshold ?? _model?.Threshold ?? 0.5);
        _poolGapFrames = options.UseOpeningPool ? (int)Math.Round(options.OpeningPoolGapSeconds / HopSeconds) : 0;
        _lowVoiceLookbackFrames = (int)Math.Round(options.OpeningPoolLowVoiceLookbackSeconds / HopSeconds);
        _gate = options.UseSpectralGate || options.SpectralGate is not null ? options.SpectralGate ?? CrySpectralGate.Shipped : null;
        _gateThreshold = (float)(options.SpectralGateThreshold ?? _gate?.Threshold ?? 0);
        _treeModel = options.UseTreeModel ? options.TreeModel ?? CryTreeModel.Shipped : null;
        _treeThreshold = (float)(options.TreeThreshold ?? _treeModel?.Threshold ?? 0);
        _trackContext = options.UseTreeModel;
        _spectrum = _model is { UsesSpectrum: true } || _gate is not null || _treeModel is not null ? NewSpectrum() : null;
        SetUpPatch(options);
        SetUpScan(options);
        SetUpTiers(options);
    }

    /// <summary>Sample rate of the samples this detector expects, in Hz.</summary>
    public int SampleRate => _options.SampleRate;

    /// <summary>The options in use.</summary>
    public CryDetectorOptions Options => _options;

    /// <summary>Seconds of audio processed since the start or the last <see cref="Reset"/>.</summary>
    public double StreamSeconds => ((_frameIndex * _hop) + _filled) / (double)_analysisRate;

    /// <summary>The current background level, in dBFS.</summary>
    public double BackgroundDb => _floor.FloorDb;

    /// <summary>Receives every frame's measurements when set (tuning and tests only; costs nothing when null).</summary>
    internal Action<FrameDiagnostics>? FrameObserver { get; set; }

    /// <summary>Receives the features of units that pass the hand rules, before the classifier (training only).</summary>
    internal UnitFeaturesObserver? UnitObserver
    {
        get => _unitObserver;
        set
        {
            _unitObserver = value;
            _spectrum ??= value is null ? null : NewSpectrum();
        }
    }

    /// <summary>True while an episode is open.</summary>
    public bool InEpisode => _episode.Open;

    /// <summary>Analyses the next mono samples (any count, values in [-1, 1]) and reports events to <paramref name="sink"/>.</summary>
    public void Process(ReadOnlySpan<float> samples, ICryEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        while (!samples.IsEmpty)
        {
            int take = Math.Min(samples.Length, DecimateBlock);
            int produced = _decimator.Process(samples[..take], _decimated);
            samples = samples[take..];
            Append(_decimated.AsSpan(0, produced), sink);
        }
    }

    /// <summary>Ends the stream: closes the unit and the episode being heard, if any (their end is the last cry frame).</summary>
    public void Flush(ICryEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        double now = NowSeconds();
        EndUnit(now, sink);
        if (_episode.Open)
        {
            EndEpisode(now, sink);
        }
    }

    /// <summary>Forgets everything: the next sample is time 0 again. Open episodes are dropped without an event.</summary>
    public void Reset()
    {
        _decimator.Reset();
        _floor.Reset();
        _unit.Clear();
        ClearHeld();
        _episode.Clear();
        ClearPool();
        ClearScan();
        _lastLowVoiceFrame = long.MinValue;
        _patch?.Reset();
        Array.Clear(_frame);
        _filled = 0;
        _frameIndex = 0;
        _previousSample = 0;
        _previousUnitEndSeconds = double.NegativeInfinity;
        _previousUnitDurationSeconds = 0;
        _trackF0Hz = 0;
        ResetContext();
    }

    private MelSpectrum NewSpectrum() => new(_analysisRate, _frameLength, CryUnitAccumulator.SpectralBands, highHz: 3200);

    private static int DecimationFactor(int sampleRate)
    {
        // The largest factor that divides the rate exactly and keeps at least 8 kHz for the analysis.
        for (int factor = sampleRate / 8000; factor > 1; factor--)
        {
            if (sampleRate % factor == 0)
            {
                return Math.Min(factor, 24);
            }
        }

        return 1;
    }

    private void Append(Span<float> block, ICryEventSink sink)
    {
        // Pre-emphasis whitens fan rumble and pink/brown noise so they stop looking periodic to the pitch tracker.
        for (int i = 0; i < block.Length; i++)
        {
            // A corrupt sample (NaN, infinity) must not poison the running sums for the rest of an endless stream.
            float x = float.IsFinite(block[i]) ? Math.Clamp(block[i], -4f, 4f) : 0f;
            block[i] = x - (PreEmphasis * _previousSample);
            _previousSample = x;
        }

        ReadOnlySpan<float> rest = block;
        while (!rest.IsEmpty)
        {
            int take = Math.Min(_frameLength - _filled, rest.Length);
            rest[..take].CopyTo(_frame.AsSpan(_filled));
            _filled += take;
            rest = rest[take..];
            if (_filled == _frameLength)
            {
                AnalyseFrame(sink);
                Array.Copy(_frame, _hop, _frame, 0, _frameLength - _hop);
                _filled = _frameLength - _hop;
                _frameIndex++;
            }
        }
    }

    private double NowSeconds() => StreamSeconds - _delaySeconds;

    private void AnalyseFrame(ICryEventSink sink)
    {
        double frameStart = (_frameIndex * _hop / (double)_analysisRate) - _delaySeconds;
        double frameCentre = frameStart + (FrameSeconds / 2);
        double now = frameStart + FrameSeconds;
        WritePatchRing();
        ReadOnlySpan<float> frame = _frame;
        float energy = IntegerDecimator.Dot(frame, frame) / frame.Length;
        double levelDb = 10 * Math.Log10(energy + 1e-12);
        double brightnessHz = Brightness(frame, energy);
        double floorDb = _floor.FloorDb;

        bool loudEnough = levelDb >= _options.MinLevelDbfs && levelDb >= floorDb + _options.MinLevelOverBackgroundDb;
        bool isCryFrame = false;
        PitchEstimate pitch = PitchEstimate.None;
        if (loudEnough)
        {
            // The autocorrelation is the expensive part: quiet frames never pay for it.
            pitch = _options.PitchContinuity ? _pitch.Estimate(frame, _trackF0Hz, _options.PitchContinuityShare) : _pitch.Estimate(frame);
            isCryFrame = pitch.Strength >= _options.VoicingThreshold
                && pitch.F0Hz >= _options.MinF0Hz
                && pitch.F0Hz <= _options.MaxF0Hz
                && !(_unit.Active && levelDb < _unit.PeakLevelDb - _options.MaxDropInUnitDb);
        }

        // Only a track in the cry range is held: folding onto a voice under MinF0Hz would take cry frames away.
        _trackF0Hz = pitch.Strength >= _options.VoicingThreshold && pitch.F0Hz >= _options.MinF0Hz && pitch.F0Hz <= _options.MaxF0Hz ? pitch.F0Hz : 0;
        if (!_floor.Initialised)
        {
            // The very first frame sets the background, whatever it is; it then falls quickly if that was too high.
            _floor.Update(levelDb);
        }

        if (isCryFrame)
        {
            if (!_unit.Active)
            {
                _unit.Start(frameCentre - (HopSeconds / 2), _frameIndex);
            }

            _unit.AddFrame(_frameIndex, frameCentre + (HopSeconds / 2), pitch.F0Hz, pitch.Strength, levelDb, floorDb, brightnessHz, pitch.StrictF0Hz);
            if (!_unit.Confirmed)
            {
                // Only the learned check reads the resonance, and it only judges units not yet confirmed.
                _unit.AddResonance(Resonance(frame, energy));
                if (_spectrum is not null && !_episode.Open)
                {
                    // The short-time spectrum, only when the gate or a model reads it, and only where they judge: units
                    // that could open an episode (inside one, the hand rules alone decide).
                    _spectrum.Analyse(frame);
                    _unit.Spectrum.Add(_spectrum, _frameIndex, pitch.F0Hz);
                }
            }

            ConsiderUnit(now, sink);
        }
        else
        {
            if (_unit.Active && (_frameIndex - _unit.LastFrameIndex > _maxGapFrames
                || levelDb < _unit.PeakLevelDb - _options.MaxBridgedDipDb))
            {
                EndUnit(now, sink);
            }

            if (!_unit.Active || !_floor.Initialised)
            {
                _floor.Update(levelDb);
            }
        }

        TrackContext(loudEnough, pitch);
        if (_scanEnabled && !_episode.Open)
        {
            ScanFrame(levelDb, floorDb, frameCentre, now, sink);
        }

        if (_poolGapFrames > 0 && !_episode.Open)
        {
            PoolFrame(frame, energy, loudEnough, pitch, frameCentre, now, levelDb, floorDb, brightnessHz, sink);
        }

        FrameObserver?.Invoke(new FrameDiagnostics(frameCentre, levelDb, floorDb, pitch.F0Hz, pitch.Strength, brightnessHz, isCryFrame, _unit.Active, _unit.Confirmed) { SubharmonicExcess = pitch.SubharmonicExcess });
        if (_episode.Open && !(_unit.Active && _unit.Confirmed)
            && now - _episode.LastUnitEndSeconds >= _options.EpisodeEndSilenceSeconds)
        {
            EndEpisode(now, sink);
        }
    }

    /// <summary>
    /// RMS frequency of the (pre-emphasised) frame in Hz, sqrt(E[x'^2] / E[x^2]) * rate / 2π: a spectral centroid
    /// without an FFT. Cries are bright (strong harmonics up to 4 kHz), adult speech and hums are darker.
    /// </summary>
    private double Brightness(ReadOnlySpan<float> frame, float energy)
    {
        if (energy <= 0)
        {
            return 0;
        }

        // Σ(x[i] − x[i−1])² expanded into SIMD dot products.
        ReadOnlySpan<float> later = frame[1..];
        ReadOnlySpan<float> earlier = frame[..^1];
        float diffEnergy = IntegerDecimator.Dot(later, later) + IntegerDecimator.Dot(earlier, earlier)
            - (2 * IntegerDecimator.Dot(later, earlier));

        double ratio = Math.Max(diffEnergy, 0) / (frame.Length - 1) / energy;
        return Math.Sqrt(Math.Min(ratio, 4)) * _analysisRate / (2 * Math.PI);
    }

    /// <summary>
    /// Frequency (Hz) and sharpness (pole radius, 0 to 1) of the dominant resonance of the frame, from a second-order
    /// linear predictor: a cheap stand-in for the strongest formant. Speech moves it from sound to sound; a cry unit
    /// holds one vowel-like sound. Only cry frames of a unit not yet confirmed pay for it.
    /// </summary>
    private (double FrequencyHz, double Radius) Resonance(ReadOnlySpan<float> frame, float energy)
    {
        if (energy <= 0)
        {
            return (0, 0);
        }

        double scale = 1.0 / (energy * frame.Length);
        double r1 = IntegerDecimator.Dot(frame[1..], frame[..^1]) * scale;
        double r2 = IntegerDecimator.Dot(frame[2..], frame[..^2]) * scale;
        double d = Math.Max(1 - (r1 * r1), 1e-6);
        double a1 = r1 * (1 - r2) / d;
        double a2 = (r2 - (r1 * r1)) / d;
        double radius = Math.Sqrt(Math.Clamp(-a2, 1e-6, 1));
        double cos = Math.Clamp(a1 / (2 * radius), -1, 1);
        return (Math.Acos(cos) * _analysisRate / (2 * Math.PI), -a2 > 0 ? radius : 0);
    }

    private void ConsiderUnit(double now, ICryEventSink sink)
    {
        if (!_unit.Confirmed)
        {
            double needed = _episode.Open ? _options.MinUnitSecondsInEpisode : _options.MinUnitSeconds;
            if (_unit.DurationSeconds + 1e-9 < needed
                || _unit.DurationSeconds > _options.MaxSecondsToConfirmUnit
                || _unit.MedianF0Hz < _options.MinUnitMeanF0Hz
                || _unit.MovingFraction < _options.MinPitchMovingFraction
                || _unit.MeanStrength > _options.MaxUnitMeanVoicing
                || (!_episode.Open && _unit.StrictMedianF0Hz < _options.MinUnitMeanF0Hz))
            {
                return;
            }

            if (!_episode.Open)
            {
                if (UnitObserver is { } observer)
                {
                    // Training collects every unit's features at several lengths and never opens an episode.
                    if (_unit.FrameCount % 3 == 0 && _unit.DurationSeconds <= 1.5)
                    {
                        _unit.FillFeatures(_unitFeatures);
                        observer(_unitFeatures, _unit.StartSeconds, now);
                    }

                    return;
                }

                // Opening an episode is the costly mistake (an alert), so only there does the classifier get a say;
                // inside an episode, short whimpers simply belong to it.
                if (_model is not null && _model.Judges(_unit.MedianF0Hz))
                {
                    _unit.FillFeatures(_unitFeatures);
                    if (_model.Probability(_unitFeatures) < _modelThreshold)
                    {
                        return;
                    }
                }

                // A unit whose spectrum is unlike every cry heard in training does not open an episode either.
                if (_gate is not null && _gate.Judges(_unit.StrictMedianF0Hz))
                {
                    _unit.FillFeatures(_unitFeatures);
                    if (_gate.Distance(_unitFeatures) > _gateThreshold)
                    {
                        return;
                    }
                }

                if (!PassesTreeModel())
                {
                    return;
                }

                // Last, the time-frequency pattern of the last ~0.6 s (CryDetector.Patch.cs; off unless UsePatchModel).
                if (!_patchOnlyForDoubtful && !(_weighPatchWithTrees && !double.IsNaN(_lastTreeScore)) && !PatchAllowsOpening(now))
                {
                    return;
                }
            }

            if (!_episode.Open && !OpenEpisode(now, sink))
            {
                return;
            }

            _unit.Confirmed = true;
        }

        UpdateStage(now, sink);
    }

    private void UpdateStage(double now, ICryEventSink sink)
    {
        CryStage unitClass = CryStage.Fussing;
        if (_unit.DurationSeconds + 1e-9 >= _options.CryingUnitSeconds)
        {
            if (_unit.LongSinceSeconds < 0)
            {
                _unit.LongSinceSeconds = now;
            }

            if (double.IsNaN(_episode.CryingBaselineDb))
            {
                _episode.CryingBaselineDb = _unit.MeanLevelDb;
            }

            unitClass = CryStage.Crying;
            bool continuous = _previousUnitDurationSeconds >= _options.CryingUnitSeconds
                && _unit.StartSeconds - _previousUnitEndSeconds <= _options.IntenseMaxPauseSeconds;
            bool rising = _unit.MeanLevelDb >= _episode.CryingBaselineDb + _options.IntenseRiseDb;
            if (continuous && rising)
            {
                unitClass = CryStage.Intense;
            }
        }

        _episode.LastHeardSeconds[(int)unitClass] = now;
        if (unitClass > _unit.HighestClass)
        {
            _unit.HighestClass = unitClass;
        }

        if (unitClass > _episode.Stage)
        {
            ChangeStage(unitClass, _unit.StartSeconds, now, sink);
        }
    }

    /// <summary>
    /// Calming is decided when a unit ends, once its class is final: a unit that is still going may yet grow long
    /// (or loud), and deciding early would flip the stage down and straight back up.
    /// </summary>
    private void ConsiderCalming(double now, ICryEventSink sink)
    {
        CryStage unitClass = _unit.HighestClass;
        CryStage current = _episode.Stage;
        if (unitClass >= current || now - _episode.LastHeardSeconds[(int)current] < _options.CalmDownSeconds)
        {
            return;
        }

        CryStage calmer = unitClass;
        for (var stage = current - 1; stage > unitClass; stage--)
        {
            if (now - _episode.LastHeardSeconds[(int)stage] < _options.CalmDownSeconds)
            {
                calmer = stage;
                break;
            }
        }

        ChangeStage(calmer, _unit.StartSeconds, now, sink);
    }

    private void ChangeStage(CryStage stage, double atSeconds, double now, ICryEventSink sink)
    {
        _episode.ChangeStage(stage, atSeconds);
        Emit(sink, CryEventKind.StageChanged, atSeconds, now);
    }

    private void EndUnit(double now, ICryEventSink sink)
    {
        if (_unit.Active && _unit.Confirmed)
        {
            if (_episode.Open)
            {
                ConsiderCalming(now, sink);
            }

            _episode.AddUnit(_unit);
            _previousUnitEndSeconds = _unit.EndSeconds;
            _previousUnitDurationSeconds = _unit.DurationSeconds;
        }

        HoldIfDoubtful();
        _unit.Clear();
    }

    private void EndEpisode(double now, ICryEventSink sink)
    {
        CryEpisode episode = _episode.Build(_options, HopSeconds);
        CryStage stage = _episode.Stage;
        _episode.Clear();
        _previousUnitEndSeconds = double.NegativeInfinity;
        _previousUnitDurationSeconds = 0;
        sink.OnEvent(new CryEvent(CryEventKind.EpisodeEnded, episode.EndSeconds, stage, episode) { DetectedAtSeconds = now });
    }

    private void Emit(ICryEventSink sink, CryEventKind kind, double atSeconds, double now) =>
        sink.OnEvent(new CryEvent(kind, atSeconds, _episode.Stage, null) { DetectedAtSeconds = now });
}
