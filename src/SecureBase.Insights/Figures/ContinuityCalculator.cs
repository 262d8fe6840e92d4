using SecureBase.Care.Households;
using SecureBase.Care.Journal;

namespace SecureBase.Insights;

/// <summary>Feeds against the interval, connection moments and caregiver stability.</summary>
internal static class ContinuityCalculator
{
    public static ContinuityFigures Compute(
        Child child, IReadOnlyList<JournalEntry> childEntries, InsightsPeriod period, TimeZoneInfo zone,
        IReadOnlyList<CryFacts> cries, InsightsOptions options)
    {
        var lastDay = LocalDate(period.To.AddTicks(-1), zone);
        var intervalMaxHours = FeedingInterval.For(child, lastDay).Max.TotalHours;
        if (!childEntries.Any(e => period.Contains(e.StartedAt)))
        {
            return new ContinuityFigures(null, 0, 0, null, intervalMaxHours, null, null, 0, null,
                $"Nothing was logged for {child.Name} in this period.");
        }

        var (within, counted, longest) = FeedGaps(child, childEntries, period, zone, options);

        var connectionDays = new HashSet<DateOnly>();
        var connections = 0;
        foreach (var entry in childEntries)
        {
            if (entry is ConnectionEntry && period.Contains(entry.StartedAt))
            {
                connections++;
                connectionDays.Add(LocalDate(entry.StartedAt, zone));
            }
        }
        var localDays = lastDay.DayNumber - LocalDate(period.From, zone).DayNumber + 1;

        var answersByCaregiver = cries.Where(c => c.Answer is not null)
            .GroupBy(c => c.Answer!.CaregiverId)
            .Select(g => g.Count())
            .OrderByDescending(n => n)
            .ToList();
        var answered = answersByCaregiver.Sum();

        return new ContinuityFigures(
            Stats.Share(within, counted),
            counted,
            counted - within,
            longest,
            intervalMaxHours,
            connections / period.Days,
            Stats.Share(connectionDays.Count, Math.Max(1, localDays)),
            answersByCaregiver.Count,
            Stats.Share(answersByCaregiver.Take(options.PrimaryCaregiverCount).Sum(), answered),
            null);
    }

    /// <summary>
    /// Gaps between consecutive taken feeds whose later feed falls in the period. A gap the child mostly slept
    /// through is left out: a sleeping child is not "overdue".
    /// </summary>
    private static (int Within, int Counted, double? LongestHours) FeedGaps(
        Child child, IReadOnlyList<JournalEntry> childEntries, InsightsPeriod period, TimeZoneInfo zone, InsightsOptions options)
    {
        var feeds = new List<DateTimeOffset>();
        var sleeps = new List<(DateTimeOffset Start, DateTimeOffset End)>();
        foreach (var entry in childEntries)
        {
            if (entry.StartedAt >= period.To) continue;
            if (entry is FeedEntry { Refused: false }) feeds.Add(entry.StartedAt);
            else if (entry is SleepEntry { EndedAt: { } end } && end > entry.StartedAt) sleeps.Add((entry.StartedAt, end));
        }
        feeds.Sort();
        sleeps.Sort((a, b) => a.Start.CompareTo(b.Start));

        int within = 0, counted = 0, sleepIndex = 0;
        double? longest = null;
        DateOnly? intervalDay = null;
        var intervalMax = TimeSpan.Zero;
        for (var i = 1; i < feeds.Count; i++)
        {
            var (start, end) = (feeds[i - 1], feeds[i]);
            if (!period.Contains(end)) continue;
            var gap = end - start;
            if (gap <= TimeSpan.Zero) continue;

            while (sleepIndex < sleeps.Count && sleeps[sleepIndex].End <= start) sleepIndex++;
            var asleep = TimeSpan.Zero;
            for (var s = sleepIndex; s < sleeps.Count && sleeps[s].Start < end; s++)
            {
                var overlap = Min(sleeps[s].End, end) - Max(sleeps[s].Start, start);
                if (overlap > TimeSpan.Zero) asleep += overlap;
            }
            if (asleep.TotalSeconds >= options.SleepCoveredGapShare * gap.TotalSeconds) continue;

            var day = LocalDate(end, zone);
            if (day != intervalDay)
            {
                intervalDay = day;
                intervalMax = FeedingInterval.For(child, day).Max;
            }
            counted++;
            if (gap <= intervalMax) within++;
            longest = Math.Max(longest ?? 0, gap.TotalHours);
        }
        return (within, counted, longest);
    }

    internal static DateOnly LocalDate(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
