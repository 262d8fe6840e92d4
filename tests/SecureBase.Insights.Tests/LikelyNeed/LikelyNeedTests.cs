using SecureBase.Care.Journal;
using SecureBase.Insights.LikelyNeed;
using SecureBase.Insights.Tests.Scenarios;

namespace SecureBase.Insights.Tests.LikelyNeed;

public class LikelyNeedTests
{
    private static readonly TimeZoneInfo s_paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private static (JournalChild Child, List<JournalEntry> Entries, CryEpisodeEntry[] Cries) Load(string scenario)
    {
        var document = ScenarioFiles.Load(scenario);
        var child = document.Children[0];
        var entries = document.Entries.Where(e => e.ChildId == child.Id).OrderBy(e => e.StartedAt).ToList();
        return (child, entries, entries.OfType<CryEpisodeEntry>().ToArray());
    }

    [Fact]
    public void Context_of_the_responsive_evening_reads_the_journal_before_the_cry()
    {
        var (child, entries, cries) = Load(ScenarioJournals.ResponsiveEvening);

        var context = CryContext.At(child, entries, cries[0].StartedAt, s_paris);

        Assert.Equal(2 + (50 / 60.0), context.HoursSinceFeed!.Value, 6);
        Assert.Equal(3, context.FeedIntervalMaxHours);
        Assert.Equal(3.75, context.HoursAwake!.Value, 6);
        Assert.Equal(TimeOfDay.Evening, context.TimeOfDay);
        Assert.Equal(123, context.AgeDays);
    }

    [Fact]
    public void The_rule_guesses_hunger_2h50_after_the_feed_and_says_why()
    {
        var (child, entries, cries) = Load(ScenarioJournals.ResponsiveEvening);

        var guess = ContextRule.Guess(CryContext.At(child, entries, cries[0].StartedAt, s_paris))[0];

        Assert.Equal(CareAction.Feed, guess.Action);
        Assert.Contains("fed 2 h 50 min ago (due by 3 h)", guess.Reasons);
    }

    [Fact]
    public void The_learner_picks_up_what_settled_this_baby_before()
    {
        var (child, entries, cries) = Load(ScenarioJournals.AnxiousEvenings);
        var context = CryContext.At(child, entries, cries[^1].StartedAt, s_paris);
        // Without history the rule expects a tired baby in the evening; Leo's evenings were settled by holding him.
        Assert.Equal(CareAction.HelpToSleep, ContextRule.Guess(context)[0].Action);

        var learner = LikelyNeedLearner.FromJournal(child, entries.Where(e => e.StartedAt < cries[^1].StartedAt), s_paris);
        var guess = learner.Guess(context)[0];

        Assert.Equal(6, learner.Learned);
        Assert.Equal(CareAction.HoldSoothe, guess.Action);
        Assert.Contains("holding and soothing settled 6 of 6 earlier cries in a similar moment", guess.Reasons);
    }

    [Fact]
    public void First_guess_accuracy_is_measured_before_each_outcome_is_learned()
    {
        var baby = new SimulatedBaby(3);
        var learner = new LikelyNeedLearner();
        Assert.Null(learner.FirstGuessAccuracy);
        var hits = 0;
        for (var i = 0; i < 80; i++)
        {
            var (context, need) = baby.NextCry();
            if (learner.Guess(context)[0].Action == need) hits++;
            learner.Learn(context, need);
        }
        Assert.Equal(hits / 80.0, learner.FirstGuessAccuracy);
        Assert.NotNull(learner.RuleFirstGuessAccuracy);
    }

    [Fact]
    public void Guesses_are_a_ranked_distribution()
    {
        var learner = new LikelyNeedLearner();
        var baby = new SimulatedBaby(5);
        for (var i = 0; i < 30; i++)
        {
            var (context, need) = baby.NextCry();
            learner.Learn(context, need);
        }
        var guesses = learner.Guess(baby.NextCry().Context);
        Assert.Equal(1, guesses.Sum(g => g.Probability), 6);
        Assert.Equal(guesses.OrderByDescending(g => g.Probability).Select(g => g.Action), guesses.Select(g => g.Action));
    }

    [Fact]
    public void Offline_evaluation_learner_improves_with_logged_cries_and_beats_the_context_rule()
    {
        var points = LikelyNeedEvaluation.Run(babies: 30, heldOut: 100, seed: 1);

        Assert.Equal([10, 50, 200], points.Select(p => p.LoggedCries));
        Assert.True(points[2].LearnerAccuracy > points[0].LearnerAccuracy, $"{points[0]} → {points[2]}");
        Assert.True(points[2].LearnerAccuracy > points[2].RuleAccuracy + 0.05, points[2].ToString());
        // The rule does not learn: the same held-out cries give it the same score at every checkpoint.
        Assert.Equal(points[0].RuleAccuracy, points[2].RuleAccuracy);
    }
}

public class LikelyNeedInInsightsTests
{
    private static readonly TimeZoneInfo s_paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public void Insights_track_the_first_guess_accuracy_of_the_period()
    {
        // Leo's evenings were settled by holding him: the rule keeps guessing sleep, the learner catches on after a few.
        var document = ScenarioFiles.Load(ScenarioJournals.AnxiousEvenings);
        var week = new InsightsCalculator().Compute(document, "Leo", InsightsPeriod.Week(ScenarioJournals.LeoWeekStart, s_paris));

        Assert.Equal(7, week.LikelyNeed.GuessedCries);
        Assert.Equal(7, week.LikelyNeed.LearnedCries);
        Assert.Equal(0.0, week.LikelyNeed.RuleFirstGuessAccuracy);
        // The learner starts from the rule and outgrows it after a handful of logged evenings.
        Assert.True(week.LikelyNeed.FirstGuessAccuracy > week.LikelyNeed.RuleFirstGuessAccuracy, $"{week.LikelyNeed}");

        var lastDay = new InsightsCalculator().Compute(document, "Leo", InsightsPeriod.Day(ScenarioJournals.LeoWeekStart.AddDays(6), s_paris));
        Assert.Equal(1, lastDay.LikelyNeed.GuessedCries);
        Assert.Equal(7, lastDay.LikelyNeed.LearnedCries);
        Assert.Equal(1.0, lastDay.LikelyNeed.FirstGuessAccuracy);
    }

    [Fact]
    public void Top_action_ranks_like_the_full_guess()
    {
        var learner = new LikelyNeedLearner();
        var baby = new SimulatedBaby(11);
        for (var i = 0; i < 150; i++)
        {
            var (context, need) = baby.NextCry();
            Assert.Equal(learner.Guess(context)[0].Action, learner.TopAction(context));
            Assert.Equal(ContextRule.Guess(context)[0].Action, ContextRule.TopNeed(context));
            learner.Learn(context, need);
        }
    }
}
