using BenchmarkDotNet.Attributes;
using SecureBase.Audio.Detection;
using SecureBase.Audio.Evaluation;
using SecureBase.Audio.Model;

namespace SecureBase.Benchmarks.Detection;

/// <summary>
/// Streaming cost of the cry detector per 10 ms chunk of 16 kHz audio, on background noise (the monitor's steady
/// state) and on continuous crying (an open episode). Real-time factor = 0.010 s / (time per chunk).
/// MemoryDiagnoser must show 0 B allocated per chunk.
/// </summary>
[MemoryDiagnoser]
public class CryDetectorBenchmarks
{
    private const int Rate = 16000;
    private const int Chunk = 160;
    private readonly NullSink _sink = new();
    private float[] _noise = [];
    private float[] _cry = [];
    private float[] _judged = [];
    private CryDetector _noiseDetector = null!;
    private CryDetector _cryDetector = null!;
    private CryDetector _judgedDetector = null!;
    private CryDetector _judgedNoGateDetector = null!;
    private int _judgedNoGatePosition;
    private CryDetector _treeNoiseDetector = null!;
    private CryDetector _treeJudgedDetector = null!;
    private int _treeNoisePosition;
    private int _treeJudgedPosition;
    private int _judgedPosition;
    private int _noisePosition;
    private int _cryPosition;

    [GlobalSetup]
    public void Setup()
    {
        _noise = NoiseGenerator.Pink(Rate * 20, 1);
        for (int i = 0; i < _noise.Length; i++)
        {
            _noise[i] *= 0.02f;
        }

        // A continuous harmonic wail at 450 Hz with vibrato: the episode stays open, every frame is analysed fully.
        _cry = new float[Rate * 20];
        double phase = 0;
        for (int i = 0; i < _cry.Length; i++)
        {
            double t = i / (double)Rate;
            phase += 2 * Math.PI * 450 * (1 + (0.03 * Math.Sin(2 * Math.PI * 5 * t))) / Rate;
            _cry[i] = (float)(0.1 * (Math.Sin(phase) + (0.5 * Math.Sin(2 * phase)) + (0.3 * Math.Sin(3 * phase)))) + (0.1f * _noise[i]);
        }

        _noiseDetector = new CryDetector(new CryDetectorOptions { SampleRate = Rate });
        // Inside an open episode neither a learned check nor the spectral gate is consulted, so all are off here: this
        // clean synthetic wail is not cry-like enough for them to open an episode on.
        _cryDetector = new CryDetector(new CryDetectorOptions { SampleRate = Rate, EpisodeEndSilenceSeconds = 600, UseLearnedModel = false, UseTreeModel = false, UseSpectralGate = false });

        // The costliest path: a unit that passes the hand rules but not the model is re-judged on every cry frame
        // (features + 20 multiply-adds). A model of the shipped shape that refuses everything, and a long confirmation
        // window, keep it there for the whole run at exactly the shipped model's cost.
        int count = CryUnitFeatures.Count;
        var refuseAll = new CryUnitModel
        {
            Features = [.. CryUnitFeatures.Names],
            Mean = new float[count],
            Scale = Enumerable.Repeat(1f, count).ToArray(),
            Weights = new float[count],
            Bias = -50,
            Threshold = 0.5f,
        };
        // With the spectral gate on every frame of such a unit also pays for a 256-point FFT and its
        // mel bands; the same detector without the gate shows what the spectrum costs.
        _judgedDetector = new CryDetector(new CryDetectorOptions { SampleRate = Rate, MaxSecondsToConfirmUnit = 60, UseLearnedModel = true, UseTreeModel = false, Model = refuseAll, UseSpectralGate = true });
        _judgedNoGateDetector = new CryDetector(new CryDetectorOptions { SampleRate = Rate, MaxSecondsToConfirmUnit = 60, UseLearnedModel = true, UseTreeModel = false, Model = refuseAll, UseSpectralGate = false });
        // 1.5 s of wail after every 0.5 s of room noise: each unit is judged until it is too long to confirm.
        _judged = new float[_cry.Length];
        for (int i = 0; i < _judged.Length; i++)
        {
            _judged[i] = i % (2 * Rate) < Rate / 2 ? _noise[i] : _cry[i];
        }

        // Both cry detectors first hear the quiet room: the first frames set the background, and a stream that starts
        // in the middle of a wail would never be louder than its background (no pitch would be measured at all).
        _noiseDetector.Process(_noise, _sink);
        _cryDetector.Process(_noise.AsSpan(0, Rate), _sink);
        _cryDetector.Process(_cry, _sink);
        _judgedDetector.Process(_noise.AsSpan(0, Rate), _sink);
        _judgedDetector.Process(_judged, _sink);
        _judgedNoGateDetector.Process(_noise.AsSpan(0, Rate), _sink);
        _judgedNoGateDetector.Process(_judged, _sink);
        // The tree check (session 6) in place of the logistic one: context tracked on every frame, and the shipped
        // ensemble (features, spectrum, 200 trees) on every cry frame of a unit it refuses (threshold out of reach).
        var trees = new CryDetectorOptions { SampleRate = Rate, UseLearnedModel = false, UseTreeModel = true };
        _treeNoiseDetector = new CryDetector(trees);
        _treeJudgedDetector = new CryDetector(trees with { MaxSecondsToConfirmUnit = 60, TreeThreshold = 1e6 });
        _treeNoiseDetector.Process(_noise, _sink);
        _treeJudgedDetector.Process(_noise.AsSpan(0, Rate), _sink);
        _treeJudgedDetector.Process(_judged, _sink);
        if (!_cryDetector.InEpisode || _judgedDetector.InEpisode || _judgedNoGateDetector.InEpisode || _treeJudgedDetector.InEpisode)
        {
            // Otherwise the benchmarks would silently measure other paths than they name.
            throw new InvalidOperationException("The synthetic wail did not put the detectors in the states measured.");
        }
    }

    [Benchmark(Baseline = true, Description = "10 ms chunk, background noise")]
    public void NoiseChunk()
    {
        _noiseDetector.Process(_noise.AsSpan(_noisePosition, Chunk), _sink);
        _noisePosition = (_noisePosition + Chunk) % (_noise.Length - Chunk);
    }

    [Benchmark(Description = "10 ms chunk, open crying episode")]
    public void CryChunk()
    {
        _cryDetector.Process(_cry.AsSpan(_cryPosition, Chunk), _sink);
        _cryPosition = (_cryPosition + Chunk) % (_cry.Length - Chunk);
    }

    [Benchmark(Description = "10 ms chunk, unit judged by the model")]
    public void JudgedChunk()
    {
        _judgedDetector.Process(_judged.AsSpan(_judgedPosition, Chunk), _sink);
        _judgedPosition = (_judgedPosition + Chunk) % _judged.Length; // 20 s is ten whole 2 s cycles: a seamless loop.
    }

    [Benchmark(Description = "10 ms chunk, unit judged by the model, spectral gate off")]
    public void JudgedChunkWithoutGate()
    {
        _judgedNoGateDetector.Process(_judged.AsSpan(_judgedNoGatePosition, Chunk), _sink);
        _judgedNoGatePosition = (_judgedNoGatePosition + Chunk) % _judged.Length;
    }

    [Benchmark(Description = "10 ms chunk, background noise, tree check on")]
    public void TreeNoiseChunk()
    {
        _treeNoiseDetector.Process(_noise.AsSpan(_treeNoisePosition, Chunk), _sink);
        _treeNoisePosition = (_treeNoisePosition + Chunk) % (_noise.Length - Chunk);
    }

    [Benchmark(Description = "10 ms chunk, unit judged by the tree check")]
    public void TreeJudgedChunk()
    {
        _treeJudgedDetector.Process(_judged.AsSpan(_treeJudgedPosition, Chunk), _sink);
        _treeJudgedPosition = (_treeJudgedPosition + Chunk) % _judged.Length;
    }

    private sealed class NullSink : ICryEventSink
    {
        public void OnEvent(in CryEvent e)
        {
        }
    }
}
