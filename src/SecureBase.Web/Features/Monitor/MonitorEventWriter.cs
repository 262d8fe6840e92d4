using SecureBase.Monitoring;
using SecureBase.Web.Features.Alerts;

namespace SecureBase.Web.Features.Monitor;

/// <summary>
/// Writes what the monitors hear into the journal and the alerts, away from their audio streams. Each device's events
/// are written in order; across devices a cry's onset goes before anything else, because that is the write a caregiver
/// waits for. A fixed number of writers serves every monitor (one on SQLite, whose single write lock turns parallel
/// writers into 150 ms busy-retry sleeps on blocked pool threads; a few on PostgreSQL).
/// A monitor's frames are confirmed only once their events are written (<see cref="ConfirmedSequence"/>), so a server
/// that stops with events still queued gets that audio again from the device after the restart: at least once.
/// </summary>
public sealed class MonitorEventWriter : BackgroundService
{
    private static readonly TimeSpan[] RetryAfter = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10)];
    private readonly Func<MonitorDevice, MonitorEvent, CancellationToken, Task> _record;
    private readonly TimeProvider _time;
    private readonly ILogger<MonitorEventWriter> _log;
    private readonly int _writers;
    private readonly Lock _lock = new();
    /// <summary>Devices with events waiting and none being written; one <see cref="_ready"/> permit per device here.</summary>
    private readonly List<MonitorDevice> _waiting = [];
    private readonly SemaphoreSlim _ready = new(0);

    public MonitorEventWriter(IServiceScopeFactory scopes, AlertCenter alerts, TimeProvider time, ILogger<MonitorEventWriter> log, IConfiguration configuration)
        : this((device, e, ct) => MonitorEvents.RecordAsync(device, e, scopes, alerts, ct),
            string.IsNullOrWhiteSpace(configuration?.GetConnectionString("Postgres")) ? 1 : 4, time, log)
    {
    }

    /// <param name="record">Writes one event (the journal and the alert).</param>
    /// <param name="writers">How many events may be written at once (never two of one device).</param>
    /// <param name="time">The clock of the retry waits.</param>
    /// <param name="log">Where failures go.</param>
    internal MonitorEventWriter(Func<MonitorDevice, MonitorEvent, CancellationToken, Task> record, int writers, TimeProvider time, ILogger<MonitorEventWriter> log)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(writers, 1);
        _record = record;
        _writers = writers;
        _time = time;
        _log = log;
    }

    /// <summary>Queues the events one frame (<paramref name="sequence"/>) caused; they are written in order after the device's earlier ones.</summary>
    public void Enqueue(MonitorDevice device, IReadOnlyList<MonitorEvent> events, uint sequence)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0) return;
        lock (_lock)
        {
            var wasIdle = device.Pending.Count == 0;
            foreach (var e in events) device.Pending.Enqueue(new PendingEvent(e, sequence));
            device.Idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            // A device whose head is being written is put back by its writer; an idle one becomes ready now.
            if (wasIdle && !device.Writing) MakeReady(device);
        }
    }

    /// <summary>The last frame of the device whose events are all written: what the device may forget.</summary>
    public uint ConfirmedSequence(MonitorDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        lock (_lock) return device.Pending.TryPeek(out var head) ? head.Sequence - 1 : device.Session.LastSequence;
    }

    /// <summary>Completes when every event queued for the device so far is written (or given up on), or after <paramref name="timeout"/>.</summary>
    public async Task WhenWrittenAsync(MonitorDevice device, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        Task idle;
        lock (_lock) idle = device.Idle?.Task ?? Task.CompletedTask;
        try
        {
            await idle.WaitAsync(timeout, _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // The connection closes anyway; the writer finishes in the background.
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, _writers).Select(_ => Task.Run(() => WriteLoopAsync(stoppingToken), stoppingToken)));

    private async Task WriteLoopAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            await _ready.WaitAsync(stoppingToken);
            MonitorDevice device;
            PendingEvent next;
            lock (_lock)
            {
                device = TakeNext();
                device.Writing = true;
                next = device.Pending.Peek();
            }
            await WriteAsync(device, next.Event, stoppingToken);
            lock (_lock)
            {
                device.Pending.Dequeue();
                device.Writing = false;
                if (device.Pending.Count > 0) MakeReady(device);
                else
                {
                    device.Idle?.TrySetResult();
                    device.Idle = null;
                }
            }
        }
    }

    /// <summary>The first waiting device whose next event is a cry's onset, else the one waiting longest. Under <see cref="_lock"/>.</summary>
    private MonitorDevice TakeNext()
    {
        var index = _waiting.FindIndex(d => d.Pending.Peek().Event.Kind == MonitorEventKind.CryStarted);
        if (index < 0) index = 0;
        var device = _waiting[index];
        _waiting.RemoveAt(index);
        return device;
    }

    private void MakeReady(MonitorDevice device)
    {
        _waiting.Add(device);
        _ready.Release();
    }

    public override void Dispose()
    {
        base.Dispose();
        _ready.Dispose();
    }

    /// <summary>Writes one event, retrying a failing database a few times (at least once) before giving up on it.</summary>
    private async Task WriteAsync(MonitorDevice device, MonitorEvent e, CancellationToken stoppingToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await _record(device, e, stoppingToken);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                if (attempt == RetryAfter.Length)
                {
                    _log.LogError(exception, "Could not record {Kind} from {Device}; giving up on it", e.Kind, device.Name);
                    return;
                }
                _log.LogWarning(exception, "Could not record {Kind} from {Device}; trying again", e.Kind, device.Name);
                await Task.Delay(RetryAfter[attempt], _time, stoppingToken);
            }
        }
    }
}

/// <summary>An event waiting to be written, and the frame that caused it.</summary>
public readonly record struct PendingEvent(MonitorEvent Event, uint Sequence);
