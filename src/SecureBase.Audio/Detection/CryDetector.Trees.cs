using SecureBase.Audio.Dsp;
using SecureBase.Audio.Model;

namespace SecureBase.Audio.Detection;

/// <summary>
/// The tree check (session 6): with <see cref="CryDetectorOptions.UseTreeModel"/> a unit must also convince a
/// gradient-boosted tree ensemble (<see cref="CryTreeModel"/>) over its features and a little context before it may
/// open an episode. The context is tracked on every frame with exponential averages (no buffers, no allocation).
/// </summary>
public sealed partial class CryDetector
{
    private const double ContextTimeConstantSeconds = 2;
    private const float LowVoiceStrength = 0.7f;
    private const int LoudRunGapFrames = 30;
    private readonly float[] _treeFeatures = new float[CryContextFeatures.Count];
    private readonly float _contextDecay = (float)Math.Exp(-HopSeconds / ContextTimeConstantSeconds);
    private float _lowVoiceShare;
    private float _onsetRate;
    private float _loudShare;
    private bool _previousVoiced;
    private float _lastTreeScore = float.NaN;
    private long _loudRunStartFrame = -1;
    private long _lastLoudFrame = long.MinValue / 2;

    /// <summary>Updates the context averages with this frame (only when a tree model, or training, reads them).</summary>
    private void TrackContext(bool loudEnough, PitchEstimate pitch)
    {
        if (!_trackContext)
        {
            return;
        }

        bool voiced = loudEnough && pitch.Strength >= _options.VoicingThreshold;
        bool lowVoice = loudEnough && pitch.Strength >= LowVoiceStrength && pitch.F0Hz < _options.MinF0Hz;
        float a = _contextDecay;
        float b = 1 - a;
        _lowVoiceShare = (a * _lowVoiceShare) + (lowVoice ? b : 0);
        _loudShare = (a * _loudShare) + (loudEnough ? b : 0);
        // An onset is a voiced frame after an unvoiced one; the average of its indicator per 10 ms frame, ×100, is per second.
        _onsetRate = (a * _onsetRate) + (voiced && !_previousVoiced ? b * 100 : 0);
        _previousVoiced = voiced;

        // Long silences would decay the averages into subnormal floats, which are slow on every later frame.
        _lowVoiceShare = _lowVoiceShare < 1e-6f ? 0 : _lowVoiceShare;
        _loudShare = _loudShare < 1e-6f ? 0 : _loudShare;
        _onsetRate = _onsetRate < 1e-6f ? 0 : _onsetRate;
        if (loudEnough)
        {
            if (_frameIndex - _lastLoudFrame > LoudRunGapFrames)
            {
                _loudRunStartFrame = _frameIndex;
            }

            _lastLoudFrame = _frameIndex;
        }
    }

    /// <summary>Writes the context features after the unit features (the unit features must already be in place).</summary>
    internal void FillContextFeatures(Span<float> features)
    {
        int c = CryUnitFeatures.Count;
        features[c] = _lowVoiceShare;
        features[c + 1] = _onsetRate;
        features[c + 2] = _loudShare;
        long runFrames = _loudRunStartFrame < 0 ? 0 : Math.Max(_unit.FirstFrameIndex - _loudRunStartFrame, 0);
        features[c + 3] = (float)Math.Min(runFrames * HopSeconds, 10);
    }

    /// <summary>The full tree-check vector of the current unit (training dumps; valid until the next frame).</summary>
    internal ReadOnlySpan<float> TreeFeatures()
    {
        _unit.FillFeatures(_treeFeatures);
        FillContextFeatures(_treeFeatures);
        return _treeFeatures;
    }

    /// <summary>
    /// Whether the pending unit passes the tree check (true when there is none). Leaves the unit's score in
    /// <see cref="_lastTreeScore"/> (NaN when the trees did not judge it), which the two-tier opening reads.
    /// </summary>
    private bool PassesTreeModel()
    {
        if (_treeModel is null || !_treeModel.Judges(_unit.MedianF0Hz))
        {
            _lastTreeScore = float.NaN;
            return true;
        }

        _lastTreeScore = _treeModel.Score(TreeFeatures());
        return _weighPatchWithTrees ? TreesAndPatchAgree(_lastTreeScore - _treeThreshold) : _lastTreeScore >= _treeThreshold;
    }

    private void ResetContext()
    {
        _lowVoiceShare = 0;
        _onsetRate = 0;
        _loudShare = 0;
        _previousVoiced = false;
        _loudRunStartFrame = -1;
        _lastLoudFrame = long.MinValue / 2;
    }
}
