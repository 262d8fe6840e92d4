namespace SecureBase.Care.Journal;

/// <summary>
/// The optional "rota" section of a journal document: who is woken first for a cry (docs/journal-format.md).
/// Times are local times of day in the household's time zone. Absent when the household keeps no rota.
/// </summary>
public sealed class JournalRota
{
    public List<JournalRotaShift> Shifts { get; set; } = [];
    public List<JournalQuietHours> QuietHours { get; set; } = [];

    /// <summary>True when both lists are empty (the writer then leaves the section out).</summary>
    public bool IsEmpty => Shifts.Count == 0 && QuietHours.Count == 0;
}

/// <summary>
/// A shift of the on-duty rota. <c>Days</c> are the days it starts on (empty: every day); a shift whose end is
/// before its start runs over midnight and belongs to the day it starts.
/// </summary>
public sealed record JournalRotaShift(Guid Id, Guid CaregiverId, List<DayOfWeek> Days, TimeOnly From, TimeOnly To);

/// <summary>A caregiver's quiet hours (local times; 22:00–06:00 runs over midnight): not woken first, only when an alert escalates.</summary>
public sealed record JournalQuietHours(Guid Id, Guid CaregiverId, TimeOnly From, TimeOnly To);

/// <summary>Where a cry alert stands. Mirrors the alert engine's status; the names are the format's.</summary>
public enum JournalAlertStatus { Open, Acknowledged, Arrived, Resolved }

/// <summary>A step of an alert's timeline. Mirrors the alert engine's event kinds; the names are the format's.</summary>
public enum JournalAlertEventKind { Raised, StageChanged, Escalated, Repeated, Acknowledged, Arrived, CryEnded, Resolved }

/// <summary>
/// A cry alert as the server last stored it, with its whole timeline. Its id is the cry episode's id (the episode
/// may since have been deleted from the journal). Times from <c>lastSentAt</c> on are the server's clock.
/// </summary>
/// <param name="Id">The alert, which is also the cry episode's id.</param>
/// <param name="ChildId">The child who cried.</param>
/// <param name="Onset">When the cry began.</param>
/// <param name="OnsetStage">The cry's stage when the alert was raised.</param>
/// <param name="Stage">The cry's last stage.</param>
/// <param name="Status">Where the alert stands.</param>
/// <param name="IsUrgent">The alert escalated (no answer in time, or the cry rose).</param>
/// <param name="CryEnded">The monitor heard the cry stop.</param>
/// <param name="Version">Bumped by every change; devices use (id, version) to show nothing twice.</param>
/// <param name="Recipients">Who the alert was last sent to, in the order it was sent.</param>
/// <param name="AcknowledgedBy">Who said "I'm going".</param>
/// <param name="AcknowledgedAt">When.</param>
/// <param name="ArrivedBy">Who said "I'm with her/him".</param>
/// <param name="ArrivedAt">When.</param>
/// <param name="LastSentAt">When the alert was last sent; urgent repeats count from here.</param>
/// <param name="EndedAt">When the server learnt the cry had ended.</param>
/// <param name="Timeline">Every step, in the order it happened.</param>
public sealed record JournalAlert(
    Guid Id, Guid ChildId, DateTimeOffset Onset, CryStage OnsetStage, CryStage Stage, JournalAlertStatus Status, bool IsUrgent, bool CryEnded,
    int Version, List<Guid> Recipients, Guid? AcknowledgedBy, DateTimeOffset? AcknowledgedAt, Guid? ArrivedBy, DateTimeOffset? ArrivedAt,
    DateTimeOffset LastSentAt, DateTimeOffset? EndedAt, List<JournalAlertEvent> Timeline);

/// <summary>One step of an alert's timeline: who (for acknowledgements and arrivals), which stage (for stage changes), and a short detail.</summary>
public sealed record JournalAlertEvent(JournalAlertEventKind Kind, DateTimeOffset At, Guid? CaregiverId = null, CryStage? Stage = null, string? Detail = null);
