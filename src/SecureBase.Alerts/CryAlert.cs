using SecureBase.Care.Journal;

namespace SecureBase.Alerts;

public enum AlertStatus { Open, Acknowledged, Arrived, Resolved }

public enum AlertEventKind { Raised, StageChanged, Escalated, Repeated, Acknowledged, Arrived, CryEnded, Resolved }

/// <summary>One step of an alert's stored timeline.</summary>
public sealed record AlertEvent(AlertEventKind Kind, DateTimeOffset At, Guid? CaregiverId = null, CryStage? Stage = null, string? Detail = null);

/// <summary>
/// A stored alert: its state and its whole timeline (events in order; an event's index is its idempotent key).
/// <c>LastSentAt</c> is when the alert was last sent: urgent repeats count from there.
/// </summary>
public sealed record CryAlertState(
    Guid Id, Guid ChildId, DateTimeOffset Onset, CryStage OnsetStage, CryStage Stage, AlertStatus Status, bool IsUrgent, bool CryEnded,
    int Version, IReadOnlyList<Guid> Recipients, Guid? AcknowledgedBy, DateTimeOffset? AcknowledgedAt, Guid? ArrivedBy, DateTimeOffset? ArrivedAt,
    DateTimeOffset LastSentAt, IReadOnlyList<AlertEvent> Timeline);

/// <summary>
/// The alert for one cry episode, from "she is fussing" to resolved. Escalates (urgent, sent to everyone incl.
/// backups, then repeated) when nobody says "I'm going" within <see cref="AlertOptions.AcknowledgeTimeout"/> or
/// when the cry rises above its onset stage. Every change bumps <see cref="Version"/>: clients treat
/// (Id, Version) as an idempotency key, so re-delivery after a reconnect shows nothing twice.
/// Call <see cref="Tick"/> at <see cref="NextDueAt"/> (a timer does) — time comes only from the TimeProvider.
/// </summary>
public sealed class CryAlert
{
    private readonly List<AlertEvent> _timeline = [];
    private readonly AlertRouting _routing;
    private readonly AlertOptions _options;
    private readonly TimeProvider _time;
    private DateTimeOffset _lastSentAt;

    public CryAlert(Guid id, Guid childId, CryStage stage, DateTimeOffset onset, AlertRouting routing, AlertOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(routing);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        Id = id;
        ChildId = childId;
        OnsetStage = Stage = stage;
        Onset = onset;
        _routing = routing;
        _options = options;
        _time = time;
        var now = time.GetUtcNow();
        Recipients = routing.FirstRecipients(now);
        _lastSentAt = now;
        Version = 1;
        _timeline.Add(new AlertEvent(AlertEventKind.Raised, now, Stage: stage, Detail: $"sent to {Recipients.Count}"));
    }

    /// <summary>Rebuilds an alert from its stored state (after a restart), carrying on where it stopped.</summary>
    public static CryAlert Restore(CryAlertState state, AlertRouting routing, AlertOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(routing);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        return new CryAlert(state, routing, options, time);
    }

    private CryAlert(CryAlertState state, AlertRouting routing, AlertOptions options, TimeProvider time)
    {
        Id = state.Id;
        ChildId = state.ChildId;
        Onset = state.Onset;
        OnsetStage = state.OnsetStage;
        Stage = state.Stage;
        Status = state.Status;
        IsUrgent = state.IsUrgent;
        CryEnded = state.CryEnded;
        Version = state.Version;
        Recipients = state.Recipients;
        AcknowledgedBy = state.AcknowledgedBy;
        AcknowledgedAt = state.AcknowledgedAt;
        ArrivedBy = state.ArrivedBy;
        ArrivedAt = state.ArrivedAt;
        _lastSentAt = state.LastSentAt;
        _timeline.AddRange(state.Timeline);
        _routing = routing;
        _options = options;
        _time = time;
    }

    /// <summary>Everything needed to store the alert and <see cref="Restore"/> it later.</summary>
    public CryAlertState State => new(Id, ChildId, Onset, OnsetStage, Stage, Status, IsUrgent, CryEnded, Version, Recipients,
        AcknowledgedBy, AcknowledgedAt, ArrivedBy, ArrivedAt, _lastSentAt, [.. _timeline]);

    public Guid Id { get; }
    public Guid ChildId { get; }
    public DateTimeOffset Onset { get; }
    public CryStage OnsetStage { get; }
    public CryStage Stage { get; private set; }
    public AlertStatus Status { get; private set; } = AlertStatus.Open;
    public bool IsUrgent { get; private set; }
    public bool CryEnded { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<Guid> Recipients { get; private set; }
    public Guid? AcknowledgedBy { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public Guid? ArrivedBy { get; private set; }
    public DateTimeOffset? ArrivedAt { get; private set; }
    public IReadOnlyList<AlertEvent> Timeline => _timeline;

    /// <summary>When <see cref="Tick"/> next has something to do, or null.</summary>
    public DateTimeOffset? NextDueAt => Status != AlertStatus.Open ? null
        : IsUrgent ? _lastSentAt + _options.RepeatInterval
        : _timeline[0].At + _options.AcknowledgeTimeout;

    /// <summary>Escalates or repeats when due. Returns true when the alert changed (and must be sent again).</summary>
    public bool Tick()
    {
        var now = _time.GetUtcNow();
        if (NextDueAt is not { } due || now < due) return false;
        if (!IsUrgent)
        {
            Escalate(now, $"no one answered within {_options.AcknowledgeTimeout.TotalSeconds:0} s");
            return true;
        }
        _lastSentAt = now;
        Version++;
        _timeline.Add(new AlertEvent(AlertEventKind.Repeated, now));
        return true;
    }

    /// <summary>The monitor heard the stage change.</summary>
    public bool ChangeStage(CryStage stage)
    {
        if (stage == Stage || Status == AlertStatus.Resolved) return false;
        var now = _time.GetUtcNow();
        Stage = stage;
        Version++;
        _timeline.Add(new AlertEvent(AlertEventKind.StageChanged, now, Stage: stage));
        if (_options.EscalateOnRisingStage && stage > OnsetStage && Status == AlertStatus.Open && !IsUrgent)
            Escalate(now, $"the cry rose to {stage.ToString().ToLowerInvariant()}");
        return true;
    }

    /// <summary>"I'm going". Only the first acknowledgement counts; later ones are accepted and change nothing.</summary>
    public bool Acknowledge(Guid caregiverId)
    {
        if (Status != AlertStatus.Open) return false;
        var now = _time.GetUtcNow();
        Status = AlertStatus.Acknowledged;
        AcknowledgedBy = caregiverId;
        AcknowledgedAt = now;
        Version++;
        _timeline.Add(new AlertEvent(AlertEventKind.Acknowledged, now, caregiverId));
        return true;
    }

    /// <summary>"I'm with her/him" (implies "I'm going" when that tap was skipped).</summary>
    public bool Arrive(Guid caregiverId)
    {
        if (Status is AlertStatus.Arrived or AlertStatus.Resolved) return false;
        if (Status == AlertStatus.Open) Acknowledge(caregiverId);
        var now = _time.GetUtcNow();
        Status = AlertStatus.Arrived;
        ArrivedBy = caregiverId;
        ArrivedAt = now;
        Version++;
        _timeline.Add(new AlertEvent(AlertEventKind.Arrived, now, caregiverId));
        return true;
    }

    /// <summary>The monitor heard the cry stop.</summary>
    public bool EndCry()
    {
        if (CryEnded) return false;
        CryEnded = true;
        Version++;
        _timeline.Add(new AlertEvent(AlertEventKind.CryEnded, _time.GetUtcNow()));
        return true;
    }

    /// <summary>The response was logged: the alert is closed.</summary>
    public bool Resolve(Guid? caregiverId)
    {
        if (Status == AlertStatus.Resolved) return false;
        Status = AlertStatus.Resolved;
        Version++;
        _timeline.Add(new AlertEvent(AlertEventKind.Resolved, _time.GetUtcNow(), caregiverId));
        return true;
    }

    private void Escalate(DateTimeOffset now, string reason)
    {
        IsUrgent = true;
        Recipients = _routing.EscalatedRecipients();
        _lastSentAt = now;
        Version++;
        _timeline.Add(new AlertEvent(AlertEventKind.Escalated, now, Detail: reason));
    }
}
