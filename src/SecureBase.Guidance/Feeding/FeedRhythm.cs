using SecureBase.Care.Households;

namespace SecureBase.Guidance.Feeding;

/// <summary>Where a child is in the feeding rhythm.</summary>
public enum FeedState
{
    /// <summary>No feed logged yet: nothing to say.</summary>
    Unknown,
    /// <summary>Fed recently; the next feed is not yet expected.</summary>
    NotYetDue,
    /// <summary>Inside the usual interval: a feed may be wanted any time now.</summary>
    Due,
    /// <summary>Past the end of the usual interval.</summary>
    Overdue,
}

/// <summary>The feeding rhythm at one moment, with the reason in plain words ("fed 2 h 50 m ago, due by 3 h").</summary>
/// <param name="State">Where the child is in the rhythm.</param>
/// <param name="SinceLastFeed">Time since the start of the last feed; null when none is logged.</param>
/// <param name="DueFrom">When the usual interval opens (last feed + the shorter interval).</param>
/// <param name="DueBy">When the usual interval closes (last feed + the longer interval).</param>
/// <param name="Reason">The figures behind the state, for a person.</param>
public sealed record FeedRhythm(FeedState State, TimeSpan? SinceLastFeed, DateTimeOffset? DueFrom, DateTimeOffset? DueBy, string Reason)
{
    /// <summary>When the state next changes (a reminder is worth sending then), or null when it will not.</summary>
    public DateTimeOffset? NextChangeAt => State switch
    {
        FeedState.NotYetDue => DueFrom,
        FeedState.Due => DueBy,
        _ => null,
    };

    /// <summary>
    /// Evaluates the rhythm from the last feed's start. The interval is the child's own override or the default
    /// for the age (newborns about every 1.5–3 h).
    /// </summary>
    public static FeedRhythm Evaluate(Child child, DateTimeOffset? lastFeedStart, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (lastFeedStart is not { } last)
            return new FeedRhythm(FeedState.Unknown, null, null, null, "No feed logged yet.");

        var interval = FeedingInterval.For(child, DateOnly.FromDateTime(now.UtcDateTime));
        var since = now - last;
        if (since < TimeSpan.Zero) since = TimeSpan.Zero;
        var state = since < interval.Min ? FeedState.NotYetDue : since <= interval.Max ? FeedState.Due : FeedState.Overdue;
        var reason = state == FeedState.Overdue
            ? $"fed {Durations.Format(since)} ago, usually every {Durations.Format(interval.Min)}–{Durations.Format(interval.Max)}"
            : $"fed {Durations.Format(since)} ago, due by {Durations.Format(interval.Max)}";
        return new FeedRhythm(state, since, last + interval.Min, last + interval.Max, reason);
    }
}
