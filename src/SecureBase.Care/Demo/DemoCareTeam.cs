using SecureBase.Care.Households;
using SecureBase.Care.Journal;

namespace SecureBase.Care.Demo;

/// <summary>
/// The demo household's three caregivers and their week: the mother at home, the father working weekdays,
/// the grandmother on Tuesday and Thursday afternoons (and some Sundays). Who answers a cry, and how, follows from it.
/// </summary>
internal sealed class DemoCareTeam(DemoClock clock, DemoRandom random)
{
    private static readonly string[] s_tomEvening = ["cooking dinner", "on a work call", "washing up", "answering emails", "on my phone"];
    private static readonly string[] s_tomMorning = ["getting ready for work", "making breakfast"];
    private static readonly string[] s_tomWeekend = ["cooking lunch", "fixing the shelf", "watching the match"];
    private static readonly string[] s_emmaBusy = ["in the shower", "on the phone", "folding laundry"];

    public JournalCaregiver Emma { get; } = new(random.NextGuid(), "Emma", CaregiverRole.Parent, IsBackup: false);
    public JournalCaregiver Tom { get; } = new(random.NextGuid(), "Tom", CaregiverRole.Caregiver, IsBackup: false);
    public JournalCaregiver Ruth { get; } = new(random.NextGuid(), "Grandma Ruth", CaregiverRole.Caregiver, IsBackup: true);

    public IReadOnlyList<JournalCaregiver> All => [Emma, Tom, Ruth];

    public static bool IsNight(TimeSpan timeOfDay) => timeOfDay >= TimeSpan.FromHours(22) || timeOfDay < TimeSpan.FromHours(6.5);

    /// <summary>Who is looking after the children at this moment.</summary>
    public Guid OnDuty(DateTimeOffset at)
    {
        var local = clock.Local(at);
        var time = local.TimeOfDay;
        var weekend = local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        if (IsNight(time))
        {
            // The parents take turns at night; the day the night began decides.
            var nightOf = time < TimeSpan.FromHours(12) ? local.Date.AddDays(-1) : local.Date;
            return nightOf.DayOfYear % 2 == 0 ? Emma.Id : Tom.Id;
        }
        if (weekend)
        {
            if (local.DayOfWeek == DayOfWeek.Sunday && time >= TimeSpan.FromHours(14) && time < TimeSpan.FromHours(17) && random.Chance(0.6)) return Ruth.Id;
            return random.Chance(0.5) ? Emma.Id : Tom.Id;
        }
        if (time < TimeSpan.FromHours(8.5) || time >= TimeSpan.FromHours(17.5)) return random.Chance(0.65) ? Tom.Id : Emma.Id;
        if (local.DayOfWeek is DayOfWeek.Tuesday or DayOfWeek.Thursday && time >= TimeSpan.FromHours(13)) return Ruth.Id;
        return Emma.Id;
    }

    /// <summary>What the caregiver was in the middle of when the cry began, or null when free.</summary>
    public string? BusyWith(Guid caregiver, DateTimeOffset at)
    {
        var local = clock.Local(at);
        var time = local.TimeOfDay;
        if (IsNight(time)) return null;
        var weekend = local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        if (caregiver == Tom.Id)
        {
            if (weekend) return random.Chance(0.4) ? random.Pick(s_tomWeekend) : null;
            if (time >= TimeSpan.FromHours(17.5)) return random.Chance(0.75) ? random.Pick(s_tomEvening) : null;
            return random.Chance(0.6) ? random.Pick(s_tomMorning) : null;
        }
        if (caregiver == Emma.Id) return random.Chance(0.15) ? random.Pick(s_emmaBusy) : null;
        return random.Chance(0.1) ? "making tea" : null;
    }

    /// <summary>
    /// How this caregiver answers in this situation: the patterns the insights should find (SPEC section 6) —
    /// Emma prompt and attuned, anxious on colicky evenings; Tom fine when free, slow and less attuned when busy.
    /// </summary>
    public ResponseStyle StyleFor(Guid caregiver, string? busyWith, bool night, bool colicEvening)
    {
        if (caregiver == Emma.Id) return colicEvening ? ResponseStyle.Anxious : night ? ResponseStyle.PromptAtNight : ResponseStyle.Prompt;
        if (caregiver == Tom.Id) return busyWith is not null ? ResponseStyle.Busy : night ? ResponseStyle.FreeAtNight : ResponseStyle.Free;
        return ResponseStyle.Gentle;
    }
}
