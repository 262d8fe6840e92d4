using System.Collections.Concurrent;
using SecureBase.Monitoring;

namespace SecureBase.Web.Features.Monitor;

/// <summary>
/// The monitors of every household. A session outlives its connection for <see cref="EpisodeContinuity.ResumeWindow"/>
/// so a phone that reconnects resumes its detector (and its open episode) where it left off.
/// </summary>
public sealed class MonitorRegistry(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, MonitorDevice> _devices = new();
    /// <summary>Devices whose session ended because they stayed away: still shown as lost until they come back.</summary>
    private readonly ConcurrentDictionary<string, MonitorDevice> _lost = new();

    /// <summary>How long a device that went away stays in the health view ("lost its connection since …"). 12 h: a night and then some.</summary>
    public static readonly TimeSpan RememberLost = TimeSpan.FromHours(12);

    /// <summary>Finds the device's live session, or starts one; the previous connection of the device is replaced.</summary>
    public MonitorDevice Connect(MonitorOwner owner, string deviceKey, string deviceName, MonitorSessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var key = $"{owner.HouseholdId:N}/{owner.ChildId:N}/{deviceKey}";
        var now = time.GetUtcNow();
        var device = _devices.AddOrUpdate(key,
            _ => new MonitorDevice(owner, deviceName, new MonitorSession(options, null, time), options.SampleRate),
            (_, existing) => existing.SampleRate == options.SampleRate && existing.Owner == owner
                ? existing
                : new MonitorDevice(owner, deviceName, new MonitorSession(options, null, time), options.SampleRate));
        device.Connected(now);
        _lost.TryRemove(key, out _);
        return device;
    }

    /// <summary>Devices of a household, for the health view.</summary>
    /// <remarks>A device gone longer than the resume window is still listed, disconnected, so a caregiver keeps seeing that the
    /// nursery is not being heard instead of the monitor silently vanishing from the list.</remarks>
    public IReadOnlyList<MonitorDevice> ForHousehold(Guid householdId) =>
        _devices.Values.Concat(_lost.Where(l => !_devices.ContainsKey(l.Key)).Select(l => l.Value))
            .Where(d => d.Owner.HouseholdId == householdId).OrderBy(d => d.Name).ToList();

    /// <summary>Closes sessions whose device has been gone longer than the resume window; returns them so their open cry can be ended.</summary>
    public IReadOnlyList<MonitorDevice> Expire()
    {
        var now = time.GetUtcNow();
        var expired = new List<MonitorDevice>();
        foreach (var (key, device) in _devices)
        {
            if (device.IsConnected || device.LastSeenAt is not { } seen || now - seen <= EpisodeContinuity.ResumeWindow) continue;
            if (_devices.TryRemove(key, out var removed))
            {
                expired.Add(removed);
                _lost[key] = removed;
            }
        }
        foreach (var (key, device) in _lost)
        {
            if (device.LastSeenAt is not { } seen || now - seen > RememberLost) _lost.TryRemove(key, out _);
        }
        return expired;
    }
}

/// <summary>One nursery device: its session, and what the caregivers see of its health.</summary>
public sealed class MonitorDevice(MonitorOwner owner, string name, MonitorSession session, int sampleRate)
{
    private int _connections;

    public MonitorOwner Owner { get; } = owner;
    public string Name { get; } = name;
    public MonitorSession Session { get; } = session;
    public int SampleRate { get; } = sampleRate;
    /// <summary>Serialises the frames of overlapping connections of the same device.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);
    /// <summary>The journal entry of the cry in progress.</summary>
    public Guid? CurrentEpisode { get; set; }
    /// <summary>Events heard and not yet written, oldest first (under <see cref="MonitorEventWriter"/>'s lock).</summary>
    internal Queue<PendingEvent> Pending { get; } = new();
    /// <summary>A writer is writing the head of <see cref="Pending"/>.</summary>
    internal bool Writing { get; set; }
    /// <summary>Completed when <see cref="Pending"/> empties; null while it is empty.</summary>
    internal TaskCompletionSource? Idle { get; set; }
    public DateTimeOffset? ConnectedAt { get; private set; }
    public DateTimeOffset? LastSeenAt { get; private set; }
    public double? BatteryLevel { get; set; }
    public bool? Charging { get; set; }
    public bool IsConnected => Volatile.Read(ref _connections) > 0;

    internal void Connected(DateTimeOffset at)
    {
        Interlocked.Increment(ref _connections);
        ConnectedAt = at;
        LastSeenAt = at;
    }

    internal void Seen(DateTimeOffset at) => LastSeenAt = at;

    internal void Disconnected(DateTimeOffset at)
    {
        Interlocked.Decrement(ref _connections);
        LastSeenAt = at;
    }

    public MonitorStatus Status() => new(IsConnected, ConnectedAt, LastSeenAt, Session.LastAudioAt, Session.LastSoundAt, BatteryLevel, Charging);
}
