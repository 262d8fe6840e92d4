using SecureBase.Care.Households;
using SecureBase.Care.Journal;

namespace SecureBase.Guidance.Needs;

/// <summary>What the journal knows at the moment a cry starts. Times are absolute; null means "not logged".</summary>
/// <param name="Child">The crying child.</param>
/// <param name="Now">The cry's onset.</param>
/// <param name="LocalTime">The onset in the household's time zone (for "night").</param>
/// <param name="LastFeedStart">Start of the last feed the baby took.</param>
/// <param name="LastDiaper">The last diaper change.</param>
/// <param name="AwakeSince">End of the last sleep, when the child is awake.</param>
public sealed record NeedContext(Child Child, DateTimeOffset Now, TimeOnly LocalTime, DateTimeOffset? LastFeedStart, DateTimeOffset? LastDiaper, DateTimeOffset? AwakeSince)
{
    /// <summary>Reads the context from the child's recent entries (any order; other children's entries are ignored).</summary>
    public static NeedContext From(Child child, IEnumerable<JournalEntry> recent, DateTimeOffset now, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(recent);
        ArgumentNullException.ThrowIfNull(timeZone);
        var mine = recent.Where(e => e.ChildId == child.Id && e.StartedAt <= now).ToList();
        var lastFeed = mine.OfType<FeedEntry>().Where(f => !f.Refused).MaxBy(f => f.StartedAt)?.StartedAt;
        var lastDiaper = mine.OfType<DiaperEntry>().MaxBy(d => d.StartedAt)?.StartedAt;
        var lastSleep = mine.OfType<SleepEntry>().MaxBy(s => s.StartedAt);
        var awakeSince = lastSleep is { EndedAt: { } end } && end <= now ? end : (DateTimeOffset?)null;
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, timeZone).DateTime);
        return new NeedContext(child, now, local, lastFeed, lastDiaper, awakeSince);
    }
}
