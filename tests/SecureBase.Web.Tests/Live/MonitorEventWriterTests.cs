using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SecureBase.Monitoring;
using SecureBase.Web.Features.Monitor;
using AudioStage = SecureBase.Audio.Detection.CryStage;

namespace SecureBase.Web.Tests.Live;

/// <summary>
/// The writer between the monitors' audio and the database: each device's events in order, a cry's onset before other
/// devices' updates, frames confirmed only once their events are written, and a failing write tried again.
/// </summary>
public sealed class MonitorEventWriterTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new();
    private readonly List<(MonitorDevice Device, MonitorEventKind Kind)> _written = [];
    private readonly SemaphoreSlim _gate = new(0);
    private Func<MonitorDevice, MonitorEvent, Task>? _fail;
    private MonitorEventWriter _writer = null!;

    public async Task InitializeAsync()
    {
        // One writer, as on SQLite; every write waits for the test to let it through.
        _writer = new MonitorEventWriter(async (device, e, ct) =>
        {
            await _gate.WaitAsync(ct);
            if (_fail is { } fail) await fail(device, e);
            lock (_written) _written.Add((device, e.Kind));
        }, writers: 1, _time, NullLogger<MonitorEventWriter>.Instance);
        await _writer.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        _gate.Release(100);
        await _writer.StopAsync(CancellationToken.None);
        _writer.Dispose();
    }

    private static MonitorDevice NewDevice(string name, uint frames)
    {
        var session = new MonitorSession(new MonitorSessionOptions(), null, TimeProvider.System);
        var frame = new byte[MonitorProtocol.HeaderBytes + 320];
        for (uint s = 1; s <= frames; s++)
        {
            MonitorProtocol.WriteFrame(s, new short[160], frame);
            session.Accept(frame);
        }
        return new MonitorDevice(new MonitorOwner(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null), name, session, 16000);
    }

    private static MonitorEvent Event(MonitorEventKind kind) => new(kind, AudioStage.Fussing, DateTimeOffset.UnixEpoch, null);

    private async Task LetThroughAsync(int writes)
    {
        var before = Count();
        _gate.Release(writes);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (Count() < before + writes && waited.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(5);
        Assert.Equal(before + writes, Count());
    }

    private int Count()
    {
        lock (_written) return _written.Count;
    }

    [Fact]
    public async Task A_frame_is_confirmed_only_once_the_events_it_caused_are_written()
    {
        var device = NewDevice("Nursery", frames: 12);
        Assert.Equal(12u, _writer.ConfirmedSequence(device));

        _writer.Enqueue(device, [Event(MonitorEventKind.CryStarted), Event(MonitorEventKind.StageChanged)], sequence: 12);
        Assert.Equal(11u, _writer.ConfirmedSequence(device));
        var written = _writer.WhenWrittenAsync(device, TimeSpan.FromMinutes(1), CancellationToken.None);

        await LetThroughAsync(1);
        Assert.Equal(11u, _writer.ConfirmedSequence(device)); // the stage change of frame 12 is still waiting
        Assert.False(written.IsCompleted);
        await LetThroughAsync(1);
        await written;
        Assert.Equal(12u, _writer.ConfirmedSequence(device));
    }

    [Fact]
    public async Task Each_device_is_written_in_order_and_an_onset_goes_before_other_devices_updates()
    {
        var busy = NewDevice("Busy", frames: 5);
        var crying = NewDevice("Crying", frames: 5);
        var quiet = NewDevice("Quiet", frames: 5);
        _writer.Enqueue(busy, [Event(MonitorEventKind.CryStarted)], 1);
        _writer.Enqueue(busy, [Event(MonitorEventKind.StageChanged), Event(MonitorEventKind.CryEnded)], 2);
        _writer.Enqueue(quiet, [Event(MonitorEventKind.CryEnded)], 3);
        _writer.Enqueue(crying, [Event(MonitorEventKind.CryStarted), Event(MonitorEventKind.StageChanged)], 4);

        await LetThroughAsync(6);

        lock (_written)
        {
            Assert.Equal((busy, MonitorEventKind.CryStarted), _written[0]);
            Assert.Equal((crying, MonitorEventKind.CryStarted), _written[1]); // jumped the queue
            Assert.Equal([MonitorEventKind.CryStarted, MonitorEventKind.StageChanged, MonitorEventKind.CryEnded],
                _written.Where(w => w.Device == busy).Select(w => w.Kind));
            Assert.Equal([MonitorEventKind.CryStarted, MonitorEventKind.StageChanged],
                _written.Where(w => w.Device == crying).Select(w => w.Kind));
            Assert.Single(_written, w => w.Device == quiet);
        }
    }

    [Fact]
    public async Task A_failed_write_is_tried_again_and_holds_back_the_confirmation_until_it_succeeds()
    {
        var device = NewDevice("Nursery", frames: 3);
        var failures = 0;
        _fail = (_, _) => Interlocked.Increment(ref failures) == 1 ? throw new InvalidOperationException("database is down") : Task.CompletedTask;
        _writer.Enqueue(device, [Event(MonitorEventKind.CryStarted)], 3);

        _gate.Release();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (Volatile.Read(ref failures) == 0 && waited.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(5);
        Assert.Equal(2u, _writer.ConfirmedSequence(device));
        Assert.Equal(0, Count());

        // The retry waits on the injected clock: move it on until the second attempt is through.
        _gate.Release();
        waited.Restart();
        while (Count() == 0 && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10);
        }
        Assert.Equal(1, Count());
        Assert.Equal(2, failures);
        Assert.Equal(3u, _writer.ConfirmedSequence(device));
    }
}
