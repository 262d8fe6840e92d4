using SecureBase.Care.Households;
using SecureBase.Care.Journal;

namespace SecureBase.Insights.LikelyNeed;

/// <summary>What the journal says about the moment a cry began.</summary>
/// <param name="HoursSinceFeed">Hours since the start of the last taken feed, or null when none is logged.</param>
/// <param name="FeedIntervalMaxHours">The child's feeding interval maximum, hours ("due by").</param>
/// <param name="HoursAwake">Hours since the last sleep ended, or null when none is logged.</param>
/// <param name="HoursSinceDiaper">Hours since the last diaper change, or null when none is logged.</param>
/// <param name="TimeOfDay">Part of the household's local day.</param>
/// <param name="AgeDays">The child's age in days.</param>
public sealed record CryContext(
    double? HoursSinceFeed,
    double FeedIntervalMaxHours,
    double? HoursAwake,
    double? HoursSinceDiaper,
    TimeOfDay TimeOfDay,
    int AgeDays)
{
    /// <summary>Time since the feed as a share of the interval maximum (1 = due now).</summary>
    public double? FeedDueShare => HoursSinceFeed / FeedIntervalMaxHours;

    /// <summary>
    /// The context of a cry starting at <paramref name="onset"/>, from the child's entries before it
    /// (<paramref name="childEntries"/> in time order; later entries are ignored).
    /// </summary>
    public static CryContext At(JournalChild child, IReadOnlyList<JournalEntry> childEntries, DateTimeOffset onset, TimeZoneInfo zone, InsightsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(childEntries);
        DateTimeOffset? lastFeed = null, lastWake = null, lastDiaper = null;
        foreach (var entry in childEntries)
        {
            if (entry.StartedAt >= onset) break;
            switch (entry)
            {
                case FeedEntry { Refused: false }: lastFeed = entry.StartedAt; break;
                case DiaperEntry: lastDiaper = entry.StartedAt; break;
                // A sleep still going at the onset means the child woke crying: awake for zero hours.
                case SleepEntry sleep: lastWake = sleep.EndedAt is { } end && end < onset ? end : onset; break;
            }
        }
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(onset, zone).DateTime);
        var interval = FeedingInterval.For(
            new Child { Name = child.Name, BirthDate = child.BirthDate, FeedingIntervalMinMinutes = child.FeedingIntervalMinMinutes, FeedingIntervalMaxMinutes = child.FeedingIntervalMaxMinutes },
            today);
        return new CryContext(
            Hours(lastFeed), interval.Max.TotalHours, Hours(lastWake), Hours(lastDiaper),
            TimeOfDayBuckets.Of(onset, zone, options ?? new InsightsOptions()),
            today.DayNumber - child.BirthDate.DayNumber);

        double? Hours(DateTimeOffset? at) => at is { } t ? (onset - t).TotalHours : null;
    }
}
