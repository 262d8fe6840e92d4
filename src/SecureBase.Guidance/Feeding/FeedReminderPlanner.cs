using SecureBase.Care.Households;

namespace SecureBase.Guidance.Feeding;

/// <summary>A child's last feed, as the reminder loop reads it.</summary>
public sealed record LastFeed(Guid HouseholdId, Child Child, DateTimeOffset StartedAt);

/// <summary>A reminder to send: the child, the state reached and the words for the caregivers.</summary>
public sealed record FeedReminder(Guid HouseholdId, Guid ChildId, string ChildName, FeedState State, DateTimeOffset LastFeedAt, string Text);

/// <summary>
/// Decides when a "feed due" or "overdue" reminder is sent: once when a child enters each state after a feed, never
/// again for the same feed and state, and not at all once the last feed is older than <see cref="QuietAfter"/> (a
/// household that stopped logging does not get reminders every day). Keeps what it sent in memory; thread-safe.
/// </summary>
public sealed class FeedReminderPlanner(TimeProvider time)
{
    /// <summary>No reminders about a feed logged longer ago than this (hours).</summary>
    public static readonly TimeSpan QuietAfter = TimeSpan.FromHours(8);

    private readonly Dictionary<Guid, (DateTimeOffset LastFeed, FeedState State)> _sent = [];
    private readonly Lock _lock = new();

    /// <summary>The reminders due now for these children (each child's latest feed), marking them as sent.</summary>
    public IReadOnlyList<FeedReminder> Next(IEnumerable<LastFeed> lastFeeds)
    {
        ArgumentNullException.ThrowIfNull(lastFeeds);
        var now = time.GetUtcNow();
        var reminders = new List<FeedReminder>();
        lock (_lock)
        {
            foreach (var feed in lastFeeds)
            {
                if (now - feed.StartedAt > QuietAfter) continue;
                var rhythm = FeedRhythm.Evaluate(feed.Child, feed.StartedAt, now);
                if (rhythm.State is not (FeedState.Due or FeedState.Overdue)) continue;
                if (_sent.TryGetValue(feed.Child.Id, out var sent) && sent.LastFeed == feed.StartedAt && sent.State >= rhythm.State) continue;
                _sent[feed.Child.Id] = (feed.StartedAt, rhythm.State);
                reminders.Add(new FeedReminder(feed.HouseholdId, feed.Child.Id, feed.Child.Name, rhythm.State, feed.StartedAt, Text(feed.Child, rhythm)));
            }
        }
        return reminders;
    }

    /// <summary>Plain words: a nudge, never a reproach.</summary>
    public static string Text(Child child, FeedRhythm rhythm)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(rhythm);
        return rhythm.State == FeedState.Overdue
            ? $"{child.Name} may well be hungry by now: {rhythm.Reason}."
            : $"A feed for {child.Name} is due soon: {rhythm.Reason}.";
    }
}
