namespace SecureBase.Alerts;

/// <summary>
/// A shift of the on-duty rota ("who is on tonight"), in the household's local time. A shift whose end is
/// before its start runs over midnight (22:00–06:00); it belongs to the day it starts.
/// </summary>
/// <param name="CaregiverId">Who is on duty.</param>
/// <param name="Days">The days the shift starts on; empty means every day.</param>
/// <param name="From">Local start time.</param>
/// <param name="To">Local end time.</param>
public sealed record RotaShift(Guid CaregiverId, IReadOnlySet<DayOfWeek> Days, TimeOnly From, TimeOnly To)
{
    /// <summary>True when the shift covers the given local moment.</summary>
    public bool Covers(DateTime local)
    {
        var time = TimeOnly.FromDateTime(local);
        if (From <= To)
            return StartsOn(local.DayOfWeek) && time >= From && time < To;
        // Overnight: the evening part belongs to today, the early-morning part to yesterday's shift.
        return (StartsOn(local.DayOfWeek) && time >= From) || (StartsOn(local.AddDays(-1).DayOfWeek) && time < To);
    }

    private bool StartsOn(DayOfWeek day) => Days.Count == 0 || Days.Contains(day);
}

/// <summary>A caregiver's quiet hours, in local time: not woken first, only when an alert escalates.</summary>
public sealed record QuietHours(Guid CaregiverId, TimeOnly From, TimeOnly To)
{
    public bool Covers(DateTime local)
    {
        var time = TimeOnly.FromDateTime(local);
        return From <= To ? time >= From && time < To : time >= From || time < To;
    }
}

/// <summary>A member who can receive alerts. Viewers never receive alerts.</summary>
public sealed record AlertMember(Guid CaregiverId, string Name, bool IsBackup);
