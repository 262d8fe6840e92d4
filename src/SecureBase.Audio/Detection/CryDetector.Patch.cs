using SecureBase.Audio.Dsp;
using SecureBase.Audio.Model;

namespace SecureBase.Audio.Detection;

/// <summary>
/// The patch verifier (session 6, <see cref="CryDetectorOptions.UsePatchModel"/>): the detector keeps the last
/// ~0.7 s of its 8 kHz signal in a ring (one copy of 10 ms per frame), and only at the moment a unit is about to open
/// an episode does it compute the log-mel patch of the last <see cref="CryPatchModel.Frames"/> frames and ask
/// <see cref="CryPatchModel"/> whether that looks like crying. Nothing is computed on background frames or inside an
/// open episode; a patch asked for again a frame later reuses every spectrum but the newest.
/// </summary>
public sealed partial class CryDetector
{
    private CryPatchModel? _patchModel;
    private float _patchThreshold;
    private LogMelPatch? _patch;
    private float[] _patchValues = [];
    private float[] _patchScratch = [];
    private Func<float[], double, bool>? _patchObserver;

    private void SetUpPatch(CryDetectorOptions options)
    {
        _patchModel = options.UsePatchModel || options.PatchModel is not null
            ? options.PatchModel ?? CryPatchModel.Shipped ?? throw new InvalidOperationException("No patch model is shipped; train one with the tuning tool's `train-patch`.")
            : null;
        _patchThreshold = (float)(options.PatchThreshold ?? _patchModel?.Threshold ?? 0.5);
        _patch = _patchModel is null ? null : NewPatch(_patchModel);

        // A convolutional model's activations are preallocated here so that judging a patch allocates nothing.
        _patchScratch = new float[_patchModel?.ScratchLength ?? 0];
    }

    /// <summary>
    /// Training only: called with the patch at every moment a unit would open an episode (after every other check);
    /// returns whether to open. The array is reused.
    /// </summary>
    internal Func<float[], double, bool>? PatchObserver
    {
        get => _patchObserver;
        set
        {
            _patchObserver = value;
            _patch ??= NewPatch(_patchModel);
        }
    }

    /// <summary>Training and tests: the current patch (frames ending with the newest analysed frame).</summary>
    internal ReadOnlySpan<float> CurrentPatch()
    {
        _patch ??= NewPatch(_patchModel);
        _patch.Fill(_patchValues);
        return _patchValues;
    }

    private LogMelPatch NewPatch(CryPatchModel? model)
    {
        var patch = new LogMelPatch(_analysisRate, _frameLength, _hop, model?.Bands ?? CryPatchTrainer.Bands,
            model?.Frames ?? CryPatchTrainer.Frames, model?.LowHz ?? CryPatchTrainer.LowHz, model?.HighHz ?? CryPatchTrainer.HighHz);
        _patchValues = new float[patch.Length];
        return patch;
    }

    /// <summary>Appends the newest hop of the current frame to the ring (the whole first frame).</summary>
    private void WritePatchRing()
    {
        if (_patch is not null)
        {
            _patch.Write(_frameIndex == 0 ? _frame : _frame.AsSpan(_frameLength - _hop));
        }
    }

    /// <summary>The one check at the opening decision: true when no patch model is in use or the patch says cry.</summary>
    private bool PatchAllowsOpening(double now)
    {
        if (_patch is null)
        {
            return true;
        }

        _patch.Fill(_patchValues);
        if (_patchObserver is { } observer)
        {
            return observer(_patchValues, now);
        }

        return _patchModel is null || _patchModel.Probability(_patchValues, _patchScratch) >= _patchThreshold;
    }
}
