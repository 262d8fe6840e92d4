using SecureBase.Care.Households;
using SecureBase.Care.Journal;

namespace SecureBase.Insights.LikelyNeed;

/// <summary>
/// Follows a child's journal in time order and gives the context of a cry at any moment after what it has seen:
/// one pass over years of entries instead of a search per cry.
/// </summary>
public sealed class CryContextTracker
{
    private readonly JournalChild _child;
    private readonly Child _careChild;
    private readonly TimeZoneInfo _zone;
    private readonly InsightsOptions _options;
    private DateTimeOffset? _lastFeed, _lastDiaper;
    private (DateTimeOffset Start, DateTimeOffset? End)? _lastSleep;
    private DateOnly _intervalDay;
    private double _intervalMaxHours;

    public CryContextTracker(JournalChild child, TimeZoneInfo zone, InsightsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(zone);
        _child = child;
        _zone = zone;
        _options = options ?? new InsightsOptions();
        _careChild = new Child
        {
            Name = child.Name, BirthDate = child.BirthDate,
            FeedingIntervalMinMinutes = child.FeedingIntervalMinMinutes, FeedingIntervalMaxMinutes = child.FeedingIntervalMaxMinutes,
        };
    }

    /// <summary>Takes in the next entry of the child (entries of other children are ignored).</summary>
    public void Observe(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.ChildId != _child.Id) return;
        switch (entry)
        {
            case FeedEntry { Refused: false }: _lastFeed = entry.StartedAt; break;
            case DiaperEntry: _lastDiaper = entry.StartedAt; break;
            case SleepEntry sleep: _lastSleep = (sleep.StartedAt, sleep.EndedAt); break;
        }
    }

    /// <summary>The context of a cry beginning at <paramref name="onset"/>, from what was observed before it.</summary>
    public CryContext At(DateTimeOffset onset)
    {
        // A sleep still going at the onset means the child woke crying: awake for zero hours.
        DateTimeOffset? lastWake = _lastSleep is { } sleep ? (sleep.End is { } end && end < onset ? end : onset) : null;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(onset, _zone).DateTime);
        if (today != _intervalDay || _intervalMaxHours == 0)
        {
            _intervalDay = today;
            _intervalMaxHours = FeedingInterval.For(_careChild, today).Max.TotalHours;
        }
        return new CryContext(
            Hours(_lastFeed), _intervalMaxHours, Hours(lastWake), Hours(_lastDiaper),
            TimeOfDayBuckets.Of(onset, _zone, _options),
            today.DayNumber - _child.BirthDate.DayNumber);

        double? Hours(DateTimeOffset? at) => at is { } t ? (onset - t).TotalHours : null;
    }
}
