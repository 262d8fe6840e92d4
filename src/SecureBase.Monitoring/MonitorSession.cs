using System.Buffers.Binary;
using SecureBase.Audio.Detection;
using SecureBase.Audio.Input;

namespace SecureBase.Monitoring;

/// <summary>What became of one frame.</summary>
public enum FrameResult
{
    /// <summary>New audio, analysed.</summary>
    Accepted,
    /// <summary>Already received before a reconnect: dropped, so nothing is heard twice.</summary>
    Duplicate,
}

/// <summary>What the monitor heard, in wall-clock time.</summary>
public enum MonitorEventKind { CryStarted, StageChanged, CryEnded }

/// <summary>A detector event placed on the wall clock.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Stage">The stage after the event.</param>
/// <param name="At">When it happened (the onset for CryStarted), server time.</param>
/// <param name="Episode">The finished episode's description, on CryEnded.</param>
public sealed record MonitorEvent(MonitorEventKind Kind, CryStage Stage, DateTimeOffset At, CryEpisode? Episode);

/// <summary>
/// One nursery monitor's stream on the server: checks each frame, drops duplicates after a reconnect, refuses floods,
/// converts and resamples to the engine rate in preallocated buffers, and runs its own streaming detector.
/// Detector events are placed on the wall clock as "now minus the detection delay", which stays right across
/// reconnects because a monitor streams in real time. Not thread-safe: one connection feeds it at a time.
/// </summary>
public sealed class MonitorSession : ICryEventSink
{
    private const int EngineRate = 16000;
    private readonly MonitorSessionOptions _options;
    private readonly TimeProvider _time;
    private readonly CryDetector _detector;
    private readonly StreamingResampler? _resampler;
    private readonly float[] _input;
    private readonly float[] _resampled;
    private readonly int _maxSamples;
    private readonly List<MonitorEvent> _events = new(4);
    private DateTimeOffset? _firstFrameAt;
    private double _secondsReceived;

    public MonitorSession(MonitorSessionOptions options, CryDetectorOptions? detectorOptions, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        _options = options;
        _time = time;
        _detector = new CryDetector((detectorOptions ?? new CryDetectorOptions()) with { SampleRate = EngineRate });
        _maxSamples = (int)Math.Ceiling(options.SampleRate * options.MaxFrameSeconds);
        _input = new float[_maxSamples];
        if (options.SampleRate != EngineRate)
        {
            _resampler = new StreamingResampler(options.SampleRate, EngineRate);
            _resampled = new float[_resampler.MaxOutputLength(_maxSamples)];
        }
        else
        {
            _resampled = [];
        }
    }

    /// <summary>The sequence number of the last frame accepted (0 before the first).</summary>
    public uint LastSequence { get; private set; }

    /// <summary>Level of the last frame, in dBFS (RMS), for the page's meter; -120 for digital silence.</summary>
    public double LevelDbfs { get; private set; } = -120;

    /// <summary>The stage of the cry in progress, or null when the nursery is quiet.</summary>
    public CryStage? CurrentStage { get; private set; }

    /// <summary>When the last frame arrived.</summary>
    public DateTimeOffset? LastAudioAt { get; private set; }

    /// <summary>When a frame last carried sound above digital silence (a muted or lost microphone sends zeros).</summary>
    public DateTimeOffset? LastSoundAt { get; private set; }

    /// <summary>Accepts one binary frame (see <see cref="MonitorProtocol"/>). Events it caused are collected for <see cref="DrainEvents"/>.</summary>
    /// <exception cref="MonitorProtocolException">The frame is malformed, too long, or the monitor sends faster than real time.</exception>
    public FrameResult Accept(ReadOnlySpan<byte> frame)
    {
        if (frame.Length < MonitorProtocol.HeaderBytes + 2)
            throw new MonitorProtocolException($"A frame of {frame.Length} bytes is too short: it needs a 4-byte sequence number and at least one sample.");
        if ((frame.Length - MonitorProtocol.HeaderBytes) % 2 != 0)
            throw new MonitorProtocolException("The frame's audio is not whole 16-bit samples.");
        var samples = (frame.Length - MonitorProtocol.HeaderBytes) / 2;
        if (samples > _maxSamples)
            throw new MonitorProtocolException($"A frame may hold at most {_options.MaxFrameSeconds:0.##} s of audio ({_maxSamples} samples); this one holds {samples}.");
        var sequence = BinaryPrimitives.ReadUInt32LittleEndian(frame);
        if (sequence == 0) throw new MonitorProtocolException("Frame sequence numbers start at 1.");
        if (sequence <= LastSequence) return FrameResult.Duplicate;

        var now = _time.GetUtcNow();
        _firstFrameAt ??= now;
        _secondsReceived += samples / (double)_options.SampleRate;
        if (_secondsReceived > (now - _firstFrameAt.Value).TotalSeconds + _options.MaxBurstSeconds)
            throw new MonitorProtocolException("The monitor is sending audio faster than real time; check its sample rate.");

        LastSequence = sequence;
        LastAudioAt = now;
        var pcm = frame[MonitorProtocol.HeaderBytes..];
        double energy = 0;
        var input = _input.AsSpan(0, samples);
        for (var i = 0; i < samples; i++)
        {
            var s = BinaryPrimitives.ReadInt16LittleEndian(pcm[(2 * i)..]) / 32768f;
            input[i] = s;
            energy += s * s;
        }
        LevelDbfs = energy <= 0 ? -120 : Math.Max(-120, 10 * Math.Log10(energy / samples));
        if (energy > 0) LastSoundAt = now;

        if (_resampler is null)
        {
            _detector.Process(input, this);
        }
        else
        {
            var produced = _resampler.Process(input, _resampled);
            _detector.Process(_resampled.AsSpan(0, produced), this);
        }
        return FrameResult.Accepted;
    }

    /// <summary>Ends the stream (the monitor is gone for good): an open cry is closed.</summary>
    public void Close() => _detector.Flush(this);

    /// <summary>Moves the events collected since the last call into <paramref name="into"/>.</summary>
    public void DrainEvents(List<MonitorEvent> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        into.AddRange(_events);
        _events.Clear();
    }

    void ICryEventSink.OnEvent(in CryEvent e)
    {
        var delay = Math.Max(0, e.DetectedAtSeconds - e.TimeSeconds);
        var at = _time.GetUtcNow() - TimeSpan.FromSeconds(delay);
        switch (e.Kind)
        {
            case CryEventKind.EpisodeStarted:
                CurrentStage = e.Stage;
                _events.Add(new MonitorEvent(MonitorEventKind.CryStarted, e.Stage, at, null));
                break;
            case CryEventKind.StageChanged:
                CurrentStage = e.Stage;
                _events.Add(new MonitorEvent(MonitorEventKind.StageChanged, e.Stage, at, null));
                break;
            case CryEventKind.EpisodeEnded:
                CurrentStage = null;
                _events.Add(new MonitorEvent(MonitorEventKind.CryEnded, e.Stage, at, e.Episode));
                break;
        }
    }
}
