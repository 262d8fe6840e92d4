using SecureBase.Care.Households;
using SecureBase.Care.Journal;

namespace SecureBase.Insights;

/// <summary>Feeds against the interval, connection moments and caregiver stability, in one streaming pass.</summary>
internal static class ContinuityCalculator
{
    /// <param name="child">The child, for its name and feeding interval.</param>
    /// <param name="period">The period.</param>
    /// <param name="zone">The household time zone.</param>
    /// <param name="options">The settings.</param>
    /// <param name="entries">The household's entries in time order (entries of other children are skipped).</param>
    /// <param name="answersByCaregiver">How many cries each caregiver answered first.</param>
    public static ContinuityFigures Compute(
        Child child, IReadOnlyList<JournalEntry> entries, InsightsPeriod period, TimeZoneInfo zone,
        IEnumerable<int> answersByCaregiver, InsightsOptions options)
    {
        var lastDay = LocalDate(period.To.AddTicks(-1), zone);
        var intervalMaxHours = FeedingInterval.For(child, lastDay).Max.TotalHours;

        var anyInPeriod = false;
        var connectionDays = new HashSet<DateOnly>();
        var connections = 0;
        int within = 0, counted = 0;
        double? longest = null;
        DateTimeOffset? previousFeed = null;
        // Only sleeps that may still overlap a later feed gap are kept, so this stays a handful long.
        var sleeps = new List<(DateTimeOffset Start, DateTimeOffset End)>();
        DateOnly? intervalDay = null;
        var intervalMax = TimeSpan.Zero;

        foreach (var entry in entries)
        {
            if (entry.ChildId != child.Id) continue;
            if (entry.StartedAt >= period.To) break;
            var inPeriod = entry.StartedAt >= period.From;
            anyInPeriod |= inPeriod;
            switch (entry)
            {
                case ConnectionEntry when inPeriod:
                    connections++;
                    connectionDays.Add(LocalDate(entry.StartedAt, zone));
                    break;
                case SleepEntry { EndedAt: { } end } when end > entry.StartedAt:
                    sleeps.Add((entry.StartedAt, end));
                    break;
                case FeedEntry { Refused: false }:
                    if (inPeriod && previousFeed is { } start && entry.StartedAt > start)
                    {
                        var gap = entry.StartedAt - start;
                        // A gap the child mostly slept through is left out: a sleeping child is not "overdue".
                        if (Asleep(sleeps, start, entry.StartedAt).TotalSeconds < options.SleepCoveredGapShare * gap.TotalSeconds)
                        {
                            var day = LocalDate(entry.StartedAt, zone);
                            if (day != intervalDay)
                            {
                                intervalDay = day;
                                intervalMax = FeedingInterval.For(child, day).Max;
                            }
                            counted++;
                            if (gap <= intervalMax) within++;
                            longest = Math.Max(longest ?? 0, gap.TotalHours);
                        }
                    }
                    previousFeed = entry.StartedAt;
                    ForgetSleepsBefore(sleeps, entry.StartedAt);
                    break;
            }
        }

        if (!anyInPeriod)
        {
            return new ContinuityFigures(null, 0, 0, null, intervalMaxHours, null, null, 0, null,
                $"Nothing was logged for {child.Name} in this period.");
        }

        var answers = answersByCaregiver.OrderByDescending(n => n).ToList();
        var localDays = lastDay.DayNumber - LocalDate(period.From, zone).DayNumber + 1;
        return new ContinuityFigures(
            Stats.Share(within, counted),
            counted,
            counted - within,
            longest,
            intervalMaxHours,
            connections / period.Days,
            Stats.Share(connectionDays.Count, Math.Max(1, localDays)),
            answers.Count,
            Stats.Share(answers.Take(options.PrimaryCaregiverCount).Sum(), answers.Sum()),
            null);
    }

    private static void ForgetSleepsBefore(List<(DateTimeOffset Start, DateTimeOffset End)> sleeps, DateTimeOffset at)
    {
        for (var i = sleeps.Count - 1; i >= 0; i--)
        {
            if (sleeps[i].End <= at) sleeps.RemoveAt(i);
        }
    }

    private static TimeSpan Asleep(List<(DateTimeOffset Start, DateTimeOffset End)> sleeps, DateTimeOffset start, DateTimeOffset end)
    {
        var asleep = TimeSpan.Zero;
        foreach (var sleep in sleeps)
        {
            var overlap = (sleep.End < end ? sleep.End : end) - (sleep.Start > start ? sleep.Start : start);
            if (overlap > TimeSpan.Zero) asleep += overlap;
        }
        return asleep;
    }

    internal static DateOnly LocalDate(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
}
