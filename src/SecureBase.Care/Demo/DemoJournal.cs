using SecureBase.Care.Journal;

namespace SecureBase.Care.Demo;

/// <summary>
/// Demo journals, so a newcomer sees a living app at once: the Martin household — Emma (parent), Tom and
/// Grandma Ruth — caring for Sarah. The data shows the patterns the insights look for (SPEC section 6): Emma
/// prompt and attuned, Tom slower and less attuned when busy than when free, a run of anxious colicky evenings,
/// daily connection moments and a first social smile. Deterministic for a seed; every entry passes
/// <see cref="EntryValidator"/>.
/// </summary>
public static class DemoJournal
{
    /// <summary>How far back <see cref="Create"/> goes.</summary>
    public static TimeSpan Span { get; } = TimeSpan.FromDays(28);

    /// <summary>
    /// Four weeks of journal ending at <paramref name="now"/> for Sarah, about four months old at <paramref name="now"/>.
    /// A sleep in progress at <paramref name="now"/> is left running (no end). Times are laid out in
    /// <paramref name="timeZone"/> (an IANA id), which is also the household's zone.
    /// </summary>
    /// <exception cref="TimeZoneNotFoundException">The zone is unknown on this machine.</exception>
    public static JournalDocument Create(DateTimeOffset now, int seed = 1, string timeZone = "UTC")
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var clock = new DemoClock(zone);
        var today = clock.Date(now);
        var firstDay = clock.Date(now - Span);
        // Colicky evenings in the second and third weeks (days counted from the start of the four weeks).
        int[] colicDays = [8, 9, 11, 12, 15, 17];
        var builder = new DemoBuilder(clock, seed, timeZone, (_, date) => colicDays.Contains(date.DayNumber - firstDay.DayNumber));
        var sarah = builder.AddChild("Sarah", "her", today.AddDays(-122));
        builder.WriteDays(firstDay.AddDays(-1), today);

        var team = builder.Team;
        builder.Milestone(sarah, firstDay.AddDays(2), 10.25, MilestoneKind.SocialSmile, "Smiled right back at me during the morning feed!", team.Emma.Id);
        builder.Milestone(sarah, firstDay.AddDays(22), 18, MilestoneKind.Laughter, "First real giggle when Tom blew on her tummy.", team.Tom.Id);
        builder.Note(sarah, firstDay.AddDays(5), 11.5, "Check-up at the pediatrician: 6.2 kg, 62 cm. All well.", team.Emma.Id);
        builder.Note(sarah, firstDay.AddDays(9), 16, "Tuesday afternoons with Grandma Ruth are going nicely.", team.Emma.Id);
        builder.Note(sarah, firstDay.AddDays(14), 20.5, "Tried a warm bath before bed; she fell asleep faster.", team.Tom.Id);
        builder.Note(sarah, firstDay.AddDays(19), 21, "Colicky evenings this week; the belly massage the nurse showed us helps a bit.", team.Emma.Id);
        builder.Note(sarah, firstDay.AddDays(26), 9, "We read a picture book together after the morning feed. She loves the dog page.", team.Tom.Id);
        builder.WeeklyCheckIns(firstDay, today);
        var document = builder.Finish(now, now - Span);
        document.Rota = DemoRota.For(team, seed);
        return document;
    }

    /// <summary>
    /// A long journal for benchmarks and load tests: twins (Sarah and Leo) born at the start of
    /// <paramref name="span"/>, with the same household and rhythms as <see cref="Create"/> adapted to their age
    /// (more feeds as newborns, one nap and solids as toddlers), with the daily vitamin D drops and bedtime stories.
    /// Two years give about 40,000 entries.
    /// </summary>
    public static JournalDocument CreateLong(DateTimeOffset now, TimeSpan span, int seed = 1)
    {
        var clock = new DemoClock(TimeZoneInfo.Utc);
        var today = clock.Date(now);
        var birth = clock.Date(now - span);
        var colic = new DemoRandom(seed ^ 0x5EED);
        var builder = new DemoBuilder(clock, seed, "UTC",
            (child, date) => child.Name == "Sarah" && date.DayNumber - child.BirthDate.DayNumber is >= 21 and <= 84 && colic.Chance(0.4));
        var sarah = builder.AddChild("Sarah", "her", birth);
        var leo = builder.AddChild("Leo", "him", birth);
        builder.WriteDays(birth, today);

        var team = builder.Team;
        (MilestoneKind Kind, int AgeDays, string Text)[] milestones =
        [
            (MilestoneKind.SocialSmile, 75, "Smiled back at a face for the first time."),
            (MilestoneKind.Laughter, 115, "First laugh."),
            (MilestoneKind.RollsOver, 150, "Rolled from back to tummy."),
            (MilestoneKind.SitsUp, 200, "Sits without support."),
            (MilestoneKind.Crawls, 260, "Crawling across the living room."),
            (MilestoneKind.FirstWord, 340, "Said \"mama\"."),
            (MilestoneKind.Walks, 390, "First steps between the sofa and the table."),
        ];
        foreach (var child in (JournalChild[])[sarah, leo])
        {
            foreach (var (kind, age, text) in milestones)
            {
                var date = child.BirthDate.AddDays(age + (child == leo ? 9 : 0));
                if (date < today) builder.Milestone(child, date, 17, kind, text, team.Emma.Id);
            }
            for (var date = birth.AddDays(30); date < today; date = date.AddDays(30))
                builder.Note(child, date, 11, "Monthly check-up at the pediatrician: growing well.", team.Emma.Id);
            // The daily routine families log too: the morning vitamin D drops, and from three months a bedtime
            // story, read by Emma and Tom in turn (this brings two years to about 40,000 entries).
            for (var date = birth.AddDays(1); date < today; date = date.AddDays(1))
            {
                var day = date.DayNumber - birth.DayNumber;
                builder.Note(child, date, 8.25 + (child == leo ? 0.1 : 0), "Vitamin D drops.", day % 2 == 0 ? team.Emma.Id : team.Tom.Id);
                if (day >= 90) builder.Reading(child, date, 18.6 + (child == leo ? 0.3 : 0), TimeSpan.FromMinutes(10 + (day % 3 * 5)), day % 2 == 0 ? team.Tom.Id : team.Emma.Id);
            }
        }
        builder.WeeklyCheckIns(birth, today);
        return builder.Finish(now, now - span);
    }
}
