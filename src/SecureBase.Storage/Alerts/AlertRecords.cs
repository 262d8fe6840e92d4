using SecureBase.Alerts;
using SecureBase.Care.Journal;

namespace SecureBase.Storage.Alerts;

/// <summary>A shift of a household's on-duty rota, in the household's local time.</summary>
public sealed class RotaShiftRecord
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid CaregiverId { get; set; }
    /// <summary>The days the shift starts on, one bit per <see cref="DayOfWeek"/> (bit 0 = Sunday); 0 means every day.</summary>
    public int Days { get; set; }
    public TimeOnly From { get; set; }
    public TimeOnly To { get; set; }
}

/// <summary>A caregiver's quiet hours, in the household's local time.</summary>
public sealed class QuietHoursRecord
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid CaregiverId { get; set; }
    public TimeOnly From { get; set; }
    public TimeOnly To { get; set; }
}

/// <summary>A cry alert as last stored; its id is the cry episode's id. Restored after a restart while unresolved, unless imported.</summary>
public sealed class AlertRecord
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid ChildId { get; set; }
    public DateTimeOffset Onset { get; set; }
    public CryStage OnsetStage { get; set; }
    public CryStage Stage { get; set; }
    public AlertStatus Status { get; set; }
    public bool IsUrgent { get; set; }
    public bool CryEnded { get; set; }
    public int Version { get; set; }
    public List<Guid> Recipients { get; set; } = [];
    public Guid? AcknowledgedBy { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public Guid? ArrivedBy { get; set; }
    public DateTimeOffset? ArrivedAt { get; set; }
    public DateTimeOffset LastSentAt { get; set; }
    /// <summary>When the server learnt the cry had ended (server clock), to forget the alert a while later.</summary>
    public DateTimeOffset? EndedAt { get; set; }
    /// <summary>
    /// Came in through a journal import: another server's (or an earlier) history, kept for the journal and insights
    /// but never read back as live, since no monitor here heard that cry and nobody here can answer it.
    /// </summary>
    public bool Imported { get; set; }
}

/// <summary>One step of an alert's timeline. (AlertId, Sequence) is its idempotent key: writing it twice stores it once.</summary>
public sealed class AlertEventRecord
{
    public Guid AlertId { get; set; }
    public int Sequence { get; set; }
    public Guid HouseholdId { get; set; }
    public AlertEventKind Kind { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? CaregiverId { get; set; }
    public CryStage? Stage { get; set; }
    public string? Detail { get; set; }
}
