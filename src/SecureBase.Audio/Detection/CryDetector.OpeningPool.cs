using SecureBase.Audio.Dsp;

namespace SecureBase.Audio.Detection;

/// <summary>
/// The fragment-pool opening path (session 5): cries that start as broken, breathy whimpers give many voiced
/// fragments, each shorter than a unit needs, and used to open only at the first long unit, seconds later. Before an
/// episode is open, every loud frame voiced in the cry range (at a lower voicing than a cry frame needs, so breathy
/// frames count) is also pooled across breaks up to <see cref="CryDetectorOptions.OpeningPoolGapSeconds"/>; once the
/// pool holds enough voiced time from at least <see cref="CryDetectorOptions.OpeningPoolMinFragments"/> fragments and
/// passes the unit hand rules (median f0 at both octave readings, waver, not machine-periodic), a mean voicing, a
/// stricter learned check and the low-voice veto, the episode opens at the pool's start. Off unless
/// <see cref="CryDetectorOptions.UseOpeningPool"/>.
/// </summary>
public sealed partial class CryDetector
{
    private readonly CryUnitAccumulator _pool = new();
    private readonly int _poolGapFrames;
    private int _poolFragments;
    private readonly int _lowVoiceLookbackFrames;
    private long _lastLowVoiceFrame = long.MinValue;
    private long _poolFirstFrame;

    private void PoolFrame(ReadOnlySpan<float> frame, float energy, bool loudEnough, PitchEstimate pitch, double frameCentre, double now, double levelDb, double floorDb, double brightnessHz, ICryEventSink sink)
    {
        bool pooled = loudEnough
            && pitch.Strength >= _options.OpeningPoolVoicingThreshold
            && pitch.F0Hz >= _options.OpeningPoolMinF0Hz
            && pitch.F0Hz <= _options.MaxF0Hz;
        if (loudEnough && pitch.F0Hz < _options.MinF0Hz && pitch.Strength >= _options.OpeningPoolLowVoiceStrength)
        {
            // A clearly periodic frame under the cry range: a low voice, whose other frames may be read on a harmonic.
            _lastLowVoiceFrame = _frameIndex;
        }

        if (!pooled)
        {
            if (_pool.Active && _frameIndex - _pool.LastFrameIndex > _poolGapFrames)
            {
                ClearPool();
            }

            return;
        }

        if (_pool.Active && frameCentre - _pool.StartSeconds > _options.OpeningPoolMaxSeconds)
        {
            // Evidence must come close together: a pool that grew too long starts again from this frame.
            ClearPool();
        }

        if (!_pool.Active)
        {
            _pool.Start(frameCentre - (HopSeconds / 2), _frameIndex);
            _poolFirstFrame = _frameIndex;
        }

        if (_poolFragments == 0 || _frameIndex - _pool.LastFrameIndex > _maxGapFrames)
        {
            _poolFragments++;
        }

        _pool.AddFrame(_frameIndex, frameCentre + (HopSeconds / 2), pitch.F0Hz, pitch.Strength, levelDb, floorDb, brightnessHz, pitch.StrictF0Hz);
        _pool.AddResonance(Resonance(frame, energy));
        ConsiderPool(now, sink);
    }

    private void ConsiderPool(double now, ICryEventSink sink)
    {
        if (_poolFragments < _options.OpeningPoolMinFragments
            || (_pool.FrameCount * HopSeconds) + 1e-9 < _options.OpeningPoolVoicedSeconds
            || _pool.MedianF0Hz < _options.MinUnitMeanF0Hz
            || _pool.StrictMedianF0Hz < _options.MinUnitMeanF0Hz
            || _pool.MovingFraction < _options.MinPitchMovingFraction
            || _pool.MeanStrength > _options.MaxUnitMeanVoicing
            || _pool.MeanStrength < _options.OpeningPoolMinMeanVoicing
            || _lastLowVoiceFrame >= _poolFirstFrame - _lowVoiceLookbackFrames
            || UnitObserver is not null)
        {
            return;
        }

        if (_model is not null && _model.Judges(_pool.MedianF0Hz))
        {
            _pool.FillFeatures(_unitFeatures);
            if (_model.Probability(_unitFeatures) < _options.OpeningPoolModelThreshold)
            {
                return;
            }
        }

        if (!PatchAllowsOpening(now))
        {
            return;
        }

        // The fragment being heard, if any, belongs to the episode from now on, like a unit that opened it.
        _unit.Confirmed = _unit.Active;
        double start = _pool.StartSeconds;
        _episode.Begin(start, _floor.FloorDb);
        ClearPool();
        ClearHeld();
        Emit(sink, CryEventKind.EpisodeStarted, start, now);
        if (_unit.Active)
        {
            UpdateStage(now, sink);
        }
    }

    private void ClearPool()
    {
        _pool.Clear();
        _poolFragments = 0;
    }
}
