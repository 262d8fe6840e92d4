namespace SecureBase.Alerts;

/// <summary>Decides who is told first, and who is added when an alert escalates.</summary>
public sealed class AlertRouting
{
    public AlertRouting(IReadOnlyList<AlertMember> members, IReadOnlyList<RotaShift> rota, IReadOnlyList<QuietHours> quietHours, TimeZoneInfo timeZone)
    {
        Members = members ?? throw new ArgumentNullException(nameof(members));
        Rota = rota ?? throw new ArgumentNullException(nameof(rota));
        Quiet = quietHours ?? throw new ArgumentNullException(nameof(quietHours));
        TimeZone = timeZone ?? throw new ArgumentNullException(nameof(timeZone));
    }

    public IReadOnlyList<AlertMember> Members { get; }
    public IReadOnlyList<RotaShift> Rota { get; }
    public IReadOnlyList<QuietHours> Quiet { get; }
    public TimeZoneInfo TimeZone { get; }

    /// <summary>
    /// Who is woken first: the caregivers on duty when the rota names anyone; otherwise every non-backup
    /// caregiver outside their quiet hours; if that leaves nobody, every caregiver (a cry is never unheard).
    /// </summary>
    public IReadOnlyList<Guid> FirstRecipients(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, TimeZone).DateTime;
        var onDuty = Members.Where(m => Rota.Any(s => s.CaregiverId == m.CaregiverId && s.Covers(local))).Select(m => m.CaregiverId).ToList();
        if (onDuty.Count > 0) return onDuty;
        var awake = Members.Where(m => !m.IsBackup && !Quiet.Any(q => q.CaregiverId == m.CaregiverId && q.Covers(local))).Select(m => m.CaregiverId).ToList();
        return awake.Count > 0 ? awake : Members.Select(m => m.CaregiverId).ToList();
    }

    /// <summary>Everyone, backups included: an urgent alert reaches the whole household.</summary>
    public IReadOnlyList<Guid> EscalatedRecipients() => Members.Select(m => m.CaregiverId).ToList();
}
