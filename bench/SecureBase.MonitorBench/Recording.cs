using SecureBase.Monitoring;
using SecureBase.Monitoring.Simulation;

/// <summary>
/// One synthetic nursery recording, cut into the 100 ms frames a monitor sends, built once and shared by every monitor
/// that plays it (a monitor's sequence numbers start at 1, so the frames are the same bytes for all of them).
/// </summary>
internal sealed class Recording
{
    public const int Rate = 16000;
    public const int FrameMilliseconds = 100;
    public const int FrameSamples = Rate * FrameMilliseconds / 1000;

    private Recording(byte[][] frames, int onsetSample, int decisionFrame)
    {
        Frames = frames;
        OnsetSample = onsetSample;
        DecisionFrame = decisionFrame;
    }

    /// <summary>The frames, header and PCM, in order.</summary>
    public byte[][] Frames { get; }

    /// <summary>The first sample of the cry.</summary>
    public int OnsetSample { get; }

    /// <summary>
    /// The frame after which the server's detector reports the cry (found by running the same <see cref="MonitorSession"/>
    /// over the same frames here): the detector's own decision time, which no server speed can shorten.
    /// </summary>
    public int DecisionFrame { get; }

    /// <summary>Seconds from the onset being captured to the end of the decision frame (when it can be sent).</summary>
    public double DecisionSeconds => ((DecisionFrame + 1) * FrameSamples - OnsetSample) / (double)Rate;

    public static Recording Create(double onsetSeconds, int units, int seed)
    {
        var samples = SyntheticNursery.QuietThenCry(Rate, onsetSeconds, units, seed: seed);
        var frames = new byte[(samples.Length + FrameSamples - 1) / FrameSamples][];
        for (var k = 0; k < frames.Length; k++)
        {
            var chunk = samples.AsSpan(k * FrameSamples, Math.Min(FrameSamples, samples.Length - (k * FrameSamples)));
            frames[k] = new byte[MonitorProtocol.HeaderBytes + (chunk.Length * 2)];
            MonitorProtocol.WriteFrame((uint)k + 1, chunk, frames[k]);
        }
        return new Recording(frames, (int)(onsetSeconds * Rate), FindDecision(frames));
    }

    private static int FindDecision(byte[][] frames)
    {
        var session = new MonitorSession(new MonitorSessionOptions { MaxBurstSeconds = 600 }, null, TimeProvider.System);
        var events = new List<MonitorEvent>();
        for (var k = 0; k < frames.Length; k++)
        {
            session.Accept(frames[k]);
            session.DrainEvents(events);
            if (events.Exists(e => e.Kind == MonitorEventKind.CryStarted)) return k;
        }
        throw new InvalidOperationException("The detector did not hear the synthetic cry.");
    }
}
