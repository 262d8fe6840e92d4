using SecureBase.Care.Households;
using SecureBase.Care.Journal;
using SecureBase.Guidance.Needs;

namespace SecureBase.Guidance.Tests.Needs;

public class LikelyNeedTests
{
    private static readonly DateTimeOffset Evening = new(2026, 5, 1, 19, 0, 0, TimeSpan.Zero);
    private static readonly Child Sarah = new() { Id = Guid.NewGuid(), Name = "Sarah", BirthDate = new DateOnly(2026, 1, 1) }; // four months old

    private static NeedContext Context(TimeSpan? sinceFeed, TimeSpan? sinceDiaper = null, TimeSpan? awakeFor = null, TimeOnly? local = null) =>
        new(Sarah, Evening, local ?? new TimeOnly(19, 0), Evening - sinceFeed, Evening - sinceDiaper, Evening - awakeFor);

    [Fact]
    public void Two_hours_fifty_after_a_feed_hunger_comes_first_with_the_figures()
    {
        var ranked = LikelyNeed.Rank(Context(TimeSpan.FromMinutes(170), TimeSpan.FromMinutes(40), TimeSpan.FromMinutes(30)));

        Assert.Equal(CareAction.Feed, ranked[0].Action);
        Assert.Equal("likely hungry · fed 2 h 50 m ago, due by 3 h", LikelyNeed.Summarize(ranked));
    }

    [Fact]
    public void Soon_after_a_feed_a_long_stretch_awake_points_to_tiredness()
    {
        var ranked = LikelyNeed.Rank(Context(TimeSpan.FromMinutes(40), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(150)));

        Assert.Equal(CareAction.HelpToSleep, ranked[0].Action);
        Assert.Contains("awake for 2 h 30 m", ranked[0].Reasons[0]);
    }

    [Fact]
    public void A_long_time_since_the_last_diaper_points_to_the_diaper()
    {
        var ranked = LikelyNeed.Rank(Context(TimeSpan.FromMinutes(40), TimeSpan.FromHours(4), TimeSpan.FromMinutes(20)));

        Assert.Equal(CareAction.Diaper, ranked[0].Action);
    }

    [Fact]
    public void Further_into_the_feeding_window_weighs_hunger_more()
    {
        var early = LikelyNeed.Rank(Context(TimeSpan.FromMinutes(100))).Single(g => g.Action == CareAction.Feed).Weight;
        var late = LikelyNeed.Rank(Context(TimeSpan.FromMinutes(170))).Single(g => g.Action == CareAction.Feed).Weight;
        var overdue = LikelyNeed.Rank(Context(TimeSpan.FromMinutes(200))).Single(g => g.Action == CareAction.Feed).Weight;

        Assert.True(early < late && late < overdue, $"{early} < {late} < {overdue}");
    }

    [Fact]
    public void Comfort_is_always_offered()
    {
        Assert.Contains(LikelyNeed.Rank(Context(null)), g => g.Action == CareAction.HoldSoothe);
    }

    [Fact]
    public void Context_is_read_from_the_childs_own_entries_only()
    {
        var twin = Guid.NewGuid();
        var entries = new JournalEntry[]
        {
            new FeedEntry { ChildId = Sarah.Id, StartedAt = Evening.AddHours(-3.5) },
            new FeedEntry { ChildId = Sarah.Id, StartedAt = Evening.AddHours(-1), Refused = true },
            new FeedEntry { ChildId = twin, StartedAt = Evening.AddMinutes(-10) },
            new DiaperEntry { ChildId = Sarah.Id, StartedAt = Evening.AddHours(-1) },
            new SleepEntry { ChildId = Sarah.Id, StartedAt = Evening.AddHours(-2), EndedAt = Evening.AddMinutes(-45) },
        };

        var context = NeedContext.From(Sarah, entries, Evening, TimeZoneInfo.Utc);

        Assert.Equal(Evening.AddHours(-3.5), context.LastFeedStart);
        Assert.Equal(Evening.AddHours(-1), context.LastDiaper);
        Assert.Equal(Evening.AddMinutes(-45), context.AwakeSince);
        Assert.Equal(CareAction.Feed, LikelyNeed.Rank(context)[0].Action);
    }
}
