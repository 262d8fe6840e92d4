using SecureBase.Care.Households;
using SecureBase.Care.Journal;
using SecureBase.Guidance.Milestones;

namespace SecureBase.Guidance.Tests.Milestones;

public class MilestoneWatchTests
{
    private static readonly DateOnly Birth = new(2026, 1, 1);
    private static readonly Child Baby = new() { Id = Guid.NewGuid(), Name = "Sarah", BirthDate = Birth };

    private static MilestoneEntry Logged(MilestoneKind kind) => new() { Id = Guid.NewGuid(), ChildId = Baby.Id, Kind = kind };

    [Fact]
    public void No_prompt_before_about_four_months()
    {
        Assert.Empty(MilestoneWatch.Check(Baby, [], Birth.AddDays(MilestoneWatch.SocialSmilePromptDays - 1)));
    }

    [Fact]
    public void Missing_social_smile_is_mentioned_from_about_four_months()
    {
        var prompts = MilestoneWatch.Check(Baby, [], Birth.AddDays(MilestoneWatch.SocialSmilePromptDays));

        var prompt = Assert.Single(prompts);
        Assert.Equal(MilestoneKind.SocialSmile, prompt.Milestone);
        Assert.Contains("pediatric", prompt.Text);
    }

    [Fact]
    public void A_logged_smile_silences_the_prompt_but_missing_laughter_is_mentioned_from_about_seven_months()
    {
        var today = Birth.AddDays(MilestoneWatch.LaughterPromptDays);

        var prompts = MilestoneWatch.Check(Baby, [Logged(MilestoneKind.SocialSmile)], today);

        Assert.Equal(MilestoneKind.Laughter, Assert.Single(prompts).Milestone);
        Assert.Empty(MilestoneWatch.Check(Baby, [Logged(MilestoneKind.SocialSmile)], today.AddDays(-1)));
    }

    [Fact]
    public void Milestones_of_another_child_do_not_count()
    {
        var twin = new MilestoneEntry { Id = Guid.NewGuid(), ChildId = Guid.NewGuid(), Kind = MilestoneKind.SocialSmile };

        var prompts = MilestoneWatch.Check(Baby, [twin], Birth.AddDays(150));

        Assert.Equal(MilestoneKind.SocialSmile, Assert.Single(prompts).Milestone);
    }

    [Fact]
    public void Connection_ideas_suit_the_age_and_change_from_day_to_day()
    {
        var day = Birth.AddDays(100);

        var today = ConnectionIdeas.ForToday(Birth, day);
        var tomorrow = ConnectionIdeas.ForToday(Birth, day.AddDays(1));

        Assert.Equal(2, today.Count);
        Assert.NotEqual(today[0], tomorrow[0]);
        Assert.DoesNotContain(ConnectionIdeas.ForToday(Birth, Birth.AddDays(10)), i => i.Kind == ConnectionKind.Reading);
    }
}
