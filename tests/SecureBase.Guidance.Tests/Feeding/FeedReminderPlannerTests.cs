using Microsoft.Extensions.Time.Testing;
using SecureBase.Care.Households;
using SecureBase.Guidance.Feeding;

namespace SecureBase.Guidance.Tests.Feeding;

public class FeedReminderPlannerTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 18, 0, 0, TimeSpan.Zero);
    private static readonly Guid Home = Guid.NewGuid();

    private static Child Born(int daysBeforeStart) => new() { Id = Guid.NewGuid(), Name = "Sarah", BirthDate = DateOnly.FromDateTime(Start.UtcDateTime).AddDays(-daysBeforeStart) };

    [Fact]
    public void A_newborn_gets_one_due_reminder_at_90_minutes_and_one_overdue_after_3_hours()
    {
        var clock = new FakeTimeProvider(Start);
        var planner = new FeedReminderPlanner(clock);
        var child = Born(30);
        LastFeed[] feeds = [new(Home, child, Start)];

        clock.Advance(TimeSpan.FromMinutes(89));
        Assert.Empty(planner.Next(feeds));
        clock.Advance(TimeSpan.FromMinutes(1));
        var due = Assert.Single(planner.Next(feeds));
        Assert.Equal(FeedState.Due, due.State);
        Assert.Equal("A feed for Sarah is due soon: fed 1 h 30 m ago, due by 3 h.", due.Text);
        clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Empty(planner.Next(feeds)); // the same feed and state are not reminded twice
        clock.Advance(TimeSpan.FromMinutes(61));
        var overdue = Assert.Single(planner.Next(feeds));
        Assert.Equal(FeedState.Overdue, overdue.State);
        Assert.Contains("fed 3 h 1 m ago", overdue.Text, StringComparison.Ordinal);
        Assert.Empty(planner.Next(feeds));
    }

    [Fact]
    public void A_new_feed_starts_the_rhythm_again()
    {
        var clock = new FakeTimeProvider(Start + TimeSpan.FromHours(2));
        var planner = new FeedReminderPlanner(clock);
        var child = Born(30);
        Assert.Single(planner.Next([new LastFeed(Home, child, Start)]));

        var fed = clock.GetUtcNow();
        Assert.Empty(planner.Next([new LastFeed(Home, child, fed)]));
        clock.Advance(TimeSpan.FromMinutes(90));
        Assert.Equal(FeedState.Due, Assert.Single(planner.Next([new LastFeed(Home, child, fed)])).State);
    }

    [Fact]
    public void An_older_baby_is_due_later_and_a_childs_own_interval_wins()
    {
        var clock = new FakeTimeProvider(Start + TimeSpan.FromHours(2));
        var planner = new FeedReminderPlanner(clock);
        var eightMonths = Born(240);                                   // 2.5–4 h for the age
        var ownInterval = Born(30);
        ownInterval.FeedingIntervalMinMinutes = 150;                   // 2.5 h instead of 1.5 h
        var newborn = Born(10);

        var sent = planner.Next([new(Home, eightMonths, Start), new(Home, ownInterval, Start), new(Home, newborn, Start)]);

        Assert.Equal([newborn.Id], sent.Select(r => r.ChildId));
        clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(2, planner.Next([new(Home, eightMonths, Start), new(Home, ownInterval, Start)]).Count);
    }

    [Fact]
    public void A_feed_logged_long_ago_sends_nothing()
    {
        var clock = new FakeTimeProvider(Start + FeedReminderPlanner.QuietAfter + TimeSpan.FromMinutes(1));
        Assert.Empty(new FeedReminderPlanner(clock).Next([new LastFeed(Home, Born(30), Start)]));
    }
}
