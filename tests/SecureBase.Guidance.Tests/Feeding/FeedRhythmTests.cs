using Microsoft.Extensions.Time.Testing;
using SecureBase.Care.Households;
using SecureBase.Guidance.Feeding;

namespace SecureBase.Guidance.Tests.Feeding;

public class FeedRhythmTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 18, 0, 0, TimeSpan.Zero);

    private static Child Newborn() => new() { Name = "Sarah", BirthDate = new DateOnly(2026, 2, 1) };

    [Fact]
    public void Newborn_goes_from_not_due_to_due_at_90_minutes_and_overdue_after_3_hours()
    {
        var clock = new FakeTimeProvider(Start);
        var child = Newborn();

        Assert.Equal(FeedState.NotYetDue, FeedRhythm.Evaluate(child, Start, clock.GetUtcNow()).State);
        clock.Advance(TimeSpan.FromMinutes(89));
        Assert.Equal(FeedState.NotYetDue, FeedRhythm.Evaluate(child, Start, clock.GetUtcNow()).State);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(FeedState.Due, FeedRhythm.Evaluate(child, Start, clock.GetUtcNow()).State);
        clock.Advance(TimeSpan.FromMinutes(90));
        Assert.Equal(FeedState.Due, FeedRhythm.Evaluate(child, Start, clock.GetUtcNow()).State);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(FeedState.Overdue, FeedRhythm.Evaluate(child, Start, clock.GetUtcNow()).State);
    }

    [Fact]
    public void Reason_gives_the_figures_a_caregiver_reads_on_an_alert()
    {
        var rhythm = FeedRhythm.Evaluate(Newborn(), Start, Start + TimeSpan.FromMinutes(170));

        Assert.Equal(FeedState.Due, rhythm.State);
        Assert.Equal("fed 2 h 50 m ago, due by 3 h", rhythm.Reason);
        Assert.Equal(Start + TimeSpan.FromHours(3), rhythm.DueBy);
        Assert.Equal(Start + TimeSpan.FromHours(3), rhythm.NextChangeAt);
    }

    [Fact]
    public void Older_children_have_a_longer_interval()
    {
        var toddler = new Child { Name = "Tom", BirthDate = new DateOnly(2024, 1, 1) };

        var rhythm = FeedRhythm.Evaluate(toddler, Start, Start + TimeSpan.FromHours(3.5));

        Assert.Equal(FeedState.Due, rhythm.State);
        Assert.Equal(Start + TimeSpan.FromHours(5), rhythm.DueBy);
    }

    [Fact]
    public void A_childs_own_interval_wins_over_the_age_default()
    {
        var child = Newborn();
        child.FeedingIntervalMinMinutes = 60;
        child.FeedingIntervalMaxMinutes = 120;

        Assert.Equal(FeedState.Due, FeedRhythm.Evaluate(child, Start, Start + TimeSpan.FromMinutes(60)).State);
        Assert.Equal(FeedState.Overdue, FeedRhythm.Evaluate(child, Start, Start + TimeSpan.FromMinutes(121)).State);
    }

    [Fact]
    public void No_feed_logged_gives_unknown_and_no_reminder()
    {
        var rhythm = FeedRhythm.Evaluate(Newborn(), null, Start);

        Assert.Equal(FeedState.Unknown, rhythm.State);
        Assert.Null(rhythm.NextChangeAt);
    }

    [Fact]
    public void Overdue_reason_names_the_usual_interval()
    {
        var rhythm = FeedRhythm.Evaluate(Newborn(), Start, Start + TimeSpan.FromMinutes(200));

        Assert.Equal("fed 3 h 20 m ago, usually every 1 h 30 m–3 h", rhythm.Reason);
        Assert.Null(rhythm.NextChangeAt);
    }
}
