using SecureBase.Audio.Detection;
using SecureBase.Audio.Input;

namespace SecureBase.Audio.Analysis;

/// <summary>
/// The one path audio takes from any source to the detector — used for files and live streams alike:
/// read a block from the source, resample it to the engine rate, push it to the <see cref="CryDetector"/>.
/// All buffers are sized once at construction, so an endless stream runs in constant memory.
/// </summary>
public sealed class AudioPipeline
{
    /// <summary>Samples read from the source per block (at the source's rate): about 0.26 s at 16 kHz.</summary>
    public const int DefaultBlockSamples = 4096;

    private readonly CryDetector _detector;
    private readonly StreamingResampler _resampler;
    private readonly float[] _input;
    private readonly float[] _resampled;

    /// <param name="sourceRate">Rate of the source's samples, in Hz.</param>
    /// <param name="options">Detector settings; its <see cref="CryDetectorOptions.SampleRate"/> is the engine rate.</param>
    /// <param name="blockSamples">Samples read per block, at the source's rate.</param>
    public AudioPipeline(int sourceRate, CryDetectorOptions options, int blockSamples = DefaultBlockSamples)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSamples, 1);
        _detector = new CryDetector(options);
        _resampler = new StreamingResampler(sourceRate, options.SampleRate);
        _input = new float[blockSamples];
        _resampled = new float[_resampler.MaxOutputLength(blockSamples)];
    }

    /// <summary>Source samples consumed so far.</summary>
    public long SourceSamples { get; private set; }

    /// <summary>
    /// Reads <paramref name="source"/> to its end (or until cancelled), sending detector events to
    /// <paramref name="sink"/> as they happen; at the end, closes any open episode.
    /// </summary>
    /// <exception cref="AudioFormatException">The source cannot be decoded.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; events up to that point were delivered.</exception>
    public void Run(IAudioSource source, ICryEventSink sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(sink);
        int read;
        while ((read = source.Read(_input)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Push(_input.AsSpan(0, read), sink);
        }

        Complete(sink);
    }

    /// <summary>Pushes one block of source samples through the resampler and the detector.</summary>
    public void Push(ReadOnlySpan<float> samples, ICryEventSink sink)
    {
        while (samples.Length > 0)
        {
            ReadOnlySpan<float> block = samples[..Math.Min(samples.Length, _input.Length)];
            int produced = _resampler.Process(block, _resampled);
            _detector.Process(_resampled.AsSpan(0, produced), sink);
            SourceSamples += block.Length;
            samples = samples[block.Length..];
        }
    }

    /// <summary>Ends the stream: drains the resampler and closes any open episode.</summary>
    public void Complete(ICryEventSink sink)
    {
        int produced = _resampler.Flush(_resampled);
        _detector.Process(_resampled.AsSpan(0, produced), sink);
        _detector.Flush(sink);
    }
}
