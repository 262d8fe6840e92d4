using System.Buffers.Binary;
using Microsoft.Extensions.Time.Testing;
using SecureBase.Audio.Detection;
using SecureBase.Monitoring.Simulation;

namespace SecureBase.Monitoring.Tests;

public class MonitorSessionTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 19, 0, 0, TimeSpan.Zero);

    /// <summary>Streams audio in real time (the fake clock advances with each frame) and returns the events.</summary>
    private static List<MonitorEvent> Stream(MonitorSession session, FakeTimeProvider clock, short[] audio, int rate, int frameSamples = 1600, uint firstSequence = 1)
    {
        var events = new List<MonitorEvent>();
        var frame = new byte[MonitorProtocol.HeaderBytes + (frameSamples * 2)];
        var sequence = firstSequence;
        for (var offset = 0; offset < audio.Length; offset += frameSamples)
        {
            var chunk = audio.AsSpan(offset, Math.Min(frameSamples, audio.Length - offset));
            clock.Advance(TimeSpan.FromSeconds(chunk.Length / (double)rate));
            var length = MonitorProtocol.WriteFrame(sequence++, chunk, frame);
            session.Accept(frame.AsSpan(0, length));
            session.DrainEvents(events);
        }
        return events;
    }

    [Fact]
    public void A_cry_after_quiet_starts_an_episode_placed_at_its_onset_on_the_wall_clock()
    {
        var clock = new FakeTimeProvider(Start);
        var session = new MonitorSession(new MonitorSessionOptions(), null, clock);
        var audio = SyntheticNursery.QuietThenCry(16000, quietSeconds: 3, units: 8);

        var events = Stream(session, clock, audio, 16000);

        var started = Assert.Single(events, e => e.Kind == MonitorEventKind.CryStarted);
        Assert.InRange((started.At - Start).TotalSeconds, 2.75, 3.5);
        Assert.Contains(events, e => e.Kind == MonitorEventKind.CryEnded);
        Assert.True(session.LevelDbfs < -40, "the last frames are the quiet room again");
    }

    [Fact]
    public void A_monitor_sending_at_8_kHz_is_resampled_and_still_heard()
    {
        var clock = new FakeTimeProvider(Start);
        var session = new MonitorSession(new MonitorSessionOptions { SampleRate = 8000 }, null, clock);
        var audio = SyntheticNursery.QuietThenCry(8000, quietSeconds: 3, units: 8);

        var events = Stream(session, clock, audio, 8000, frameSamples: 800);

        Assert.Contains(events, e => e.Kind == MonitorEventKind.CryStarted);
    }

    [Fact]
    public void Frames_resent_after_a_reconnect_are_dropped_so_nothing_is_heard_twice()
    {
        var clock = new FakeTimeProvider(Start);
        var session = new MonitorSession(new MonitorSessionOptions(), null, clock);
        var frame = new byte[MonitorProtocol.HeaderBytes + 320];
        MonitorProtocol.WriteFrame(5, new short[160], frame);

        Assert.Equal(FrameResult.Accepted, session.Accept(frame));
        Assert.Equal(FrameResult.Duplicate, session.Accept(frame));
        MonitorProtocol.WriteFrame(3, new short[160], frame);
        Assert.Equal(FrameResult.Duplicate, session.Accept(frame));
        Assert.Equal(5u, session.LastSequence);
    }

    [Theory]
    [InlineData(3)]      // shorter than a header and a sample
    [InlineData(7)]      // half a sample
    [InlineData(40006)]  // more than one second at 16 kHz
    public void Malformed_frames_are_refused_with_a_reason(int length)
    {
        var session = new MonitorSession(new MonitorSessionOptions(), null, new FakeTimeProvider(Start));
        var frame = new byte[length];
        if (length >= 4) BinaryPrimitives.WriteUInt32LittleEndian(frame, 1);

        var error = Assert.Throws<MonitorProtocolException>(() => session.Accept(frame));

        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void A_reconnecting_monitor_may_replay_its_whole_buffer_and_go_on_in_real_time()
    {
        // The shape of a reconnect after a long outage: the monitor's full buffer at once, then live frames that arrive a
        // little early (the frames captured while the replay was being sent).
        var time = new FakeTimeProvider(Start);
        var session = new MonitorSession(new MonitorSessionOptions(), null, time);
        var frame = new byte[MonitorProtocol.HeaderBytes + 2 * 1600]; // 100 ms at 16 kHz
        uint sequence = 0;
        var replayed = (int)(MonitorProtocol.MaxClientBufferSeconds * 10);
        for (var i = 0; i < replayed + 5; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(frame, ++sequence);
            Assert.Equal(FrameResult.Accepted, session.Accept(frame));
        }
        for (var i = 0; i < 600; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(95));
            BinaryPrimitives.WriteUInt32LittleEndian(frame, ++sequence);
            Assert.Equal(FrameResult.Accepted, session.Accept(frame));
        }

        Assert.Equal(sequence, session.LastSequence);
    }

    [Fact]
    public void A_flood_faster_than_real_time_is_refused()
    {
        var session = new MonitorSession(new MonitorSessionOptions { MaxBurstSeconds = 5 }, null, new FakeTimeProvider(Start));
        var frame = new byte[MonitorProtocol.HeaderBytes + 32000];

        var error = Assert.Throws<MonitorProtocolException>(() =>
        {
            for (uint i = 1; i < 100; i++)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(frame, i);
                session.Accept(frame);
            }
        });

        Assert.Contains("faster than real time", error.Message);
        Assert.InRange(session.LastSequence, 5u, 6u);
    }

    [Fact]
    public void Unsupported_sample_rates_are_refused_up_front()
    {
        var error = Assert.Throws<MonitorProtocolException>(() => new MonitorSession(new MonitorSessionOptions { SampleRate = 12345 }, null, TimeProvider.System));

        Assert.Contains("12345", error.Message);
    }

    [Fact]
    public void Digital_silence_is_told_apart_from_a_quiet_room()
    {
        var clock = new FakeTimeProvider(Start);
        var session = new MonitorSession(new MonitorSessionOptions(), null, clock);
        var frame = new byte[MonitorProtocol.HeaderBytes + 3200];
        MonitorProtocol.WriteFrame(1, new short[1600], frame);
        session.Accept(frame);

        Assert.Equal(-120, session.LevelDbfs);
        Assert.Null(session.LastSoundAt);
        Assert.Equal(Start, session.LastAudioAt);
    }
}
