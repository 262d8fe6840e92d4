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

    /// <summary>The patch model also judges units at the opening (not only the scan, CryDetector.Scan.cs).</summary>
    private bool _patchVerifiesUnits;
    private double _patchWeightWithTrees;
    private bool _weighPatchWithTrees;
    private float _patchThreshold;
    private LogMelPatch? _patch;
    private float[] _patchValues = [];
    private float[] _patchScratch = [];
    private Func<float[], double, bool>? _patchObserver;

    private void SetUpPatch(CryDetectorOptions options)
    {
        _patchVerifiesUnits = options.UsePatchModel || options.PatchModel is not null;
        _patchModel = _patchVerifiesUnits || options.UsePatchScan
            ? options.PatchModel ?? CryPatchModel.Shipped ?? throw new InvalidOperationException("No patch model is shipped; train one with the tuning tool's `train-patch`.")
            : null;
        _patchThreshold = (float)(options.PatchThreshold ?? _patchModel?.Threshold ?? 0.5);
        _weighPatchWithTrees = options.PatchWeightWithTrees is not null && _patchVerifiesUnits;
        _patchWeightWithTrees = options.PatchWeightWithTrees ?? 0;
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

    /// <summary>
    /// With <see cref="CryDetectorOptions.PatchWeightWithTrees"/>: the tree margin of the pending unit (score − threshold,
    /// already computed) plus the weighted patch logit over the threshold's logit, at least 0 to open.
    /// </summary>
    private bool TreesAndPatchAgree(float treeMargin)
    {
        _patch!.Fill(_patchValues);
        float p = Math.Clamp(_patchModel!.Probability(_patchValues, _patchScratch), 1e-6f, 1 - 1e-6f);
        float t = Math.Clamp(_patchThreshold, 1e-6f, 1 - 1e-6f);
        double patchMargin = Math.Log(p / (1 - p)) - Math.Log(t / (1 - t));
        return treeMargin + (_patchWeightWithTrees * patchMargin) >= 0;
    }

    /// <summary>The one check at the opening decision: true when no patch model is in use or the patch says cry.</summary>
    private bool PatchAllowsOpening(double now)
    {
        if (_patch is null || (_patchObserver is null && !_patchVerifiesUnits))
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
