namespace SecureBase.Audio.Detection;

/// <summary>
/// The two-tier opening (session 7, off unless <see cref="CryDetectorOptions.TreeConfidentScore"/> is set). A unit
/// whose tree score reaches the confident score opens an episode at once, as before. A <i>doubtful</i> unit (it passes
/// every check but scores under the confident score) opens nothing by itself: it is held, and the episode opens only
/// when a second unit passes every check within <see cref="CryDetectorOptions.DoubtfulUnitWindowSeconds"/> of the held
/// unit's end; the episode then starts at the held unit's start, so only the detection time of the first event moves.
/// Real cries come in runs of units, a voice that happens to sound like one for a moment mostly does not. The held
/// unit is kept by swapping two preallocated accumulators, so nothing is allocated.
/// </summary>
public sealed partial class CryDetector
{
    private CryUnitAccumulator? _held;
    private float _heldScore = float.NaN;
    private float _treeConfidentScore;
    private bool _patchOnlyForDoubtful;

    /// <summary>
    /// Receives every episode opening (tuning only; costs nothing when null): the tree score of the unit that opened it
    /// minus the tree threshold (the held unit's when a held unit opened it; NaN when the trees did not judge), the
    /// episode's start and the detection time, in seconds of the stream.
    /// </summary>
    internal Action<float, double, double>? OpeningObserver { get; set; }

    private void SetUpTiers(CryDetectorOptions options)
    {
        _held = options.TreeConfidentScore is null || _treeModel is null ? null : new CryUnitAccumulator();
        _treeConfidentScore = (float)(options.TreeConfidentScore ?? double.NegativeInfinity);
        _patchOnlyForDoubtful = _held is not null && _patch is not null && options.DoubtfulOpening != DoubtfulOpening.SecondUnit;
    }

    /// <summary>
    /// The pending unit has passed every check: opens the episode (at its start, or at the held unit's start when one
    /// was heard within the window) and returns true, or holds it as doubtful and returns false.
    /// </summary>
    private bool OpenEpisode(double now, ICryEventSink sink)
    {
        if (_held is not null)
        {
            if (_held.Active && now - _held.EndSeconds <= _options.DoubtfulUnitWindowSeconds)
            {
                OpenFromHeld(now, sink);
                return true;
            }

            if (_held.Active)
            {
                _held.Clear();
            }

            // NaN (a unit the trees do not judge) compares false, so such units keep opening at once. Without
            // RescoreDoubtfulUnit a unit stays doubtful once it first passed as doubtful, whatever its score later.
            bool doubtful = _lastTreeScore < _treeConfidentScore || (_unit.Doubtful && !_options.RescoreDoubtfulUnit);
            if (doubtful && !(_patchOnlyForDoubtful && PatchAllowsOpening(now)))
            {
                if (!_unit.Doubtful)
                {
                    _heldScore = _lastTreeScore;
                }

                _unit.Doubtful = true;
                return false;
            }
        }

        _episode.Begin(_unit.StartSeconds, _floor.FloorDb);
        ClearPool();
        Emit(sink, CryEventKind.EpisodeStarted, _unit.StartSeconds, now);
        OpeningObserver?.Invoke(_lastTreeScore - _treeThreshold, _unit.StartSeconds, now);
        return true;
    }

    /// <summary>Opens the episode at the held unit's start and gives it the held unit as its first unit.</summary>
    private void OpenFromHeld(double now, ICryEventSink sink)
    {
        var held = _held!;
        _episode.Begin(held.StartSeconds, _floor.FloorDb);
        ClearPool();
        Emit(sink, CryEventKind.EpisodeStarted, held.StartSeconds, now);
        OpeningObserver?.Invoke(_heldScore - _treeThreshold, held.StartSeconds, now);

        // The held unit is classed as a finished unit would have been inside the episode.
        CryStage heldClass = held.DurationSeconds + 1e-9 >= _options.CryingUnitSeconds ? CryStage.Crying : CryStage.Fussing;
        if (heldClass == CryStage.Crying)
        {
            _episode.CryingBaselineDb = held.MeanLevelDb;
        }

        _episode.LastHeardSeconds[(int)heldClass] = held.EndSeconds;
        if (heldClass > _episode.Stage)
        {
            ChangeStage(heldClass, held.StartSeconds, now, sink);
        }

        _episode.AddUnit(held);
        _previousUnitEndSeconds = held.EndSeconds;
        _previousUnitDurationSeconds = held.DurationSeconds;
        held.Clear();
    }

    /// <summary>Keeps a doubtful unit that just ended as the held unit (the current accumulator becomes free).</summary>
    private void HoldIfDoubtful()
    {
        if (_held is not null && _unit.Active && _unit.Doubtful && !_unit.Confirmed && !_episode.Open
            && _options.DoubtfulOpening != DoubtfulOpening.Patch)
        {
            (_unit, _held) = (_held, _unit);
        }
    }

    private void ClearHeld()
    {
        if (_held is { Active: true })
        {
            _held.Clear();
        }
    }
}
