using BenchmarkDotNet.Attributes;
using SecureBase.Audio.Detection;
using SecureBase.Audio.Evaluation;
using SecureBase.Audio.Model;

namespace SecureBase.Benchmarks.Detection;

/// <summary>
/// The costliest path of the patch verifier (session 6, <see cref="CryDetectorOptions.UsePatchModel"/>): a unit that
/// passes every other opening check while the patch model refuses it, so the patch (one new 256-point FFT and its mel
/// bands, the normalisation) and the network are evaluated again on every cry frame. Real detectors pay this only
/// while a unit is about to open an episode. MemoryDiagnoser must show 0 B per chunk.
/// </summary>
[MemoryDiagnoser]
public class CryDetectorPatchBenchmarks
{
    private const int Rate = 16000;
    private const int Chunk = 160;
    private readonly NullSink _sink = new();
    private float[] _signal = [];
    private CryDetector _refusing = null!;
    private int _position;

    [GlobalSetup]
    public void Setup()
    {
        float[] noise = NoiseGenerator.Pink(Rate * 20, 1);
        _signal = new float[Rate * 20];
        double phase = 0;
        for (int i = 0; i < _signal.Length; i++)
        {
            // 1.5 s of a 450 Hz wail with vibrato after every 0.5 s of room noise (the same cycle as CryDetectorBenchmarks).
            double t = i / (double)Rate;
            phase += 2 * Math.PI * 450 * (1 + (0.03 * Math.Sin(2 * Math.PI * 5 * t))) / Rate;
            float wail = (float)(0.1 * (Math.Sin(phase) + (0.5 * Math.Sin(2 * phase)) + (0.3 * Math.Sin(3 * phase))));
            _signal[i] = (0.002f * noise[i]) + (i % (2 * Rate) < Rate / 2 ? 0 : wail);
        }

        // The shipped network's shape and weights with an output bias that refuses everything: the full cost, every frame.
        CryPatchModel shipped = CryPatchModel.Shipped ?? throw new InvalidOperationException("No patch model is shipped.");
        var refusing = new CryPatchModel
        {
            Bands = shipped.Bands, Frames = shipped.Frames, LowHz = shipped.LowHz, HighHz = shipped.HighHz, Hidden = shipped.Hidden,
            TimePool = shipped.TimePool, InputScale = shipped.InputScale, InputWeights = shipped.InputWeights,
            HiddenBias = shipped.HiddenBias, OutputWeights = shipped.OutputWeights, OutputBias = -1000, Threshold = 0.5f,
        };
        _refusing = new CryDetector(new CryDetectorOptions { SampleRate = Rate, MaxSecondsToConfirmUnit = 60, UseLearnedModel = false, PatchModel = refusing });
        _refusing.Process(noise.AsSpan(0, Rate), _sink);
        _refusing.Process(_signal, _sink);
        if (_refusing.InEpisode)
        {
            throw new InvalidOperationException("The refusing patch model let an episode open: the benchmark would measure another path.");
        }
    }

    [Benchmark(Description = "10 ms chunk, unit verified by the patch model (refused, asked every frame)")]
    public void PatchJudgedChunk()
    {
        _refusing.Process(_signal.AsSpan(_position, Chunk), _sink);
        _position = (_position + Chunk) % _signal.Length;
    }

    private sealed class NullSink : ICryEventSink
    {
        public void OnEvent(in CryEvent e)
        {
        }
    }
}
