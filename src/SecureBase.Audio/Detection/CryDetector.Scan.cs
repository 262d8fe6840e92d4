namespace SecureBase.Audio.Detection;

/// <summary>
/// The scanning opening path (session 8, <see cref="CryDetectorOptions.UsePatchScan"/>): before an episode is open,
/// sound that stays loud is shown to the patch model every few frames, whether or not a pitch tracker hears a cry unit
/// in it. A cry that starts hoarse, breathy or broken (docs/cry-engine.md, "Session 7: where the slow cries are") has
/// no unit the hand rules accept for seconds, but its time-frequency pattern can still be a cry's. Several confident
/// answers in a row open the episode at the start of the loud run. Off by default.
/// </summary>
public sealed partial class CryDetector
{
    private bool _scanEnabled;
    private int _scanEveryFrames;
    private int _scanMinLoudFrames;
    private int _scanMaxQuietFrames;
    private long _scanRunFirstFrame = -1;
    private long _scanLastLoudFrame;
    private double _scanRunStartSeconds;
    private int _scanHits;

    private void SetUpScan(CryDetectorOptions options)
    {
        _scanEnabled = options.UsePatchScan;
        _scanEveryFrames = Math.Max(1, (int)Math.Round(options.PatchScanEverySeconds / HopSeconds));
        _scanMinLoudFrames = Math.Max(1, (int)Math.Round(options.PatchScanMinLoudSeconds / HopSeconds));
        _scanMaxQuietFrames = (int)Math.Round(options.PatchScanMaxQuietSeconds / HopSeconds);
    }

    private void ClearScan()
    {
        _scanRunFirstFrame = -1;
        _scanHits = 0;
    }

    /// <summary>Follows the loud run and, when it is due, asks the patch model (allocation-free).</summary>
    private void ScanFrame(double levelDb, double floorDb, double frameCentre, double now, ICryEventSink sink)
    {
        bool loud = levelDb >= _options.MinLevelDbfs && levelDb >= floorDb + _options.PatchScanMinLevelOverBackgroundDb;
        if (loud)
        {
            if (_scanRunFirstFrame < 0 || _frameIndex - _scanLastLoudFrame > _scanMaxQuietFrames + 1)
            {
                _scanRunFirstFrame = _frameIndex;
                _scanRunStartSeconds = frameCentre - (HopSeconds / 2);
                _scanHits = 0;
            }

            _scanLastLoudFrame = _frameIndex;
        }
        else if (_scanRunFirstFrame >= 0 && _frameIndex - _scanLastLoudFrame > _scanMaxQuietFrames)
        {
            ClearScan();
            return;
        }

        long runFrames = _frameIndex - _scanRunFirstFrame + 1;
        // Only loud frames are asked: in a quiet stretch the patch still holds the sound that just ended.
        if (!loud || runFrames < _scanMinLoudFrames || (runFrames - _scanMinLoudFrames) % _scanEveryFrames != 0
            || UnitObserver is not null || _patch is null || _patchModel is null)
        {
            return;
        }

        _patch.Fill(_patchValues);
        _scanHits = _patchModel.Probability(_patchValues, _patchScratch) >= _options.PatchScanThreshold ? _scanHits + 1 : 0;
        if (_scanHits < _options.PatchScanConsecutive)
        {
            return;
        }

        // The cry fragment being heard, if any, belongs to the episode from now on, as when the pool opens one.
        _unit.Confirmed = _unit.Active;
        double start = _scanRunStartSeconds;
        _episode.Begin(start, _floor.FloorDb);
        ClearPool();
        ClearHeld();
        ClearScan();
        Emit(sink, CryEventKind.EpisodeStarted, start, now);
        if (_unit.Active)
        {
            UpdateStage(now, sink);
        }
    }
}
