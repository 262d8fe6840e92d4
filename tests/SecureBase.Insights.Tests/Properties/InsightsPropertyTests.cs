using Microsoft.Extensions.Time.Testing;
using SecureBase.Care.Journal;
using SecureBase.Insights.Tests.Scenarios;

namespace SecureBase.Insights.Tests.Properties;

/// <summary>Seeded random loops: each property is checked on many random journals, reproducibly.</summary>
public class InsightsPropertyTests
{
    private const int Runs = 60;
    private static readonly FakeTimeProvider s_clock = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
    private static readonly TimeZoneInfo s_paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly InsightsPeriod s_period = InsightsPeriod.Custom(RandomJournal.FirstDay, RandomJournal.FirstDay.AddDays(9), s_paris);
    private static readonly InsightsCalculator s_calculator = new(time: s_clock);

    [Fact]
    public void Adding_a_faster_response_never_raises_the_median_latency()
    {
        for (var seed = 0; seed < Runs; seed++)
        {
            var document = RandomJournal.Create(seed);
            var before = s_calculator.Compute(document, "Robin", s_period).Promptness.MedianLatencySeconds;
            if (before is not { } median) continue;

            var rng = new Random(seed);
            var onset = s_period.From.AddHours(rng.Next(1, 200));
            document.Entries.Add(new CryEpisodeEntry
            {
                Id = Guid.NewGuid(), ChildId = document.Children[0].Id, LoggedBy = document.Caregivers[0].Id, StartedAt = onset,
                Stages = [new CryStageChange { Stage = CryStage.Fussing, At = onset }],
                Responses = [new CryResponse { CaregiverId = document.Caregivers[^1].Id, ArrivedAt = onset.AddSeconds(rng.NextDouble() * median) }],
            });
            var after = s_calculator.Compute(document, "Robin", s_period).Promptness.MedianLatencySeconds;
            Assert.True(after <= median, $"seed {seed}: median rose from {median} to {after}");
        }
    }

    [Fact]
    public void Making_one_response_faster_never_raises_the_median_latency()
    {
        for (var seed = 0; seed < Runs; seed++)
        {
            var document = RandomJournal.Create(seed);
            var answered = document.Entries.OfType<CryEpisodeEntry>().Where(c => c.Responses.Count > 0).ToList();
            if (answered.Count == 0) continue;
            var before = s_calculator.Compute(document, "Robin", s_period).Promptness.MedianLatencySeconds!.Value;

            var cry = answered[new Random(seed).Next(answered.Count)];
            var response = cry.Responses[0];
            response.ArrivedAt = cry.StartedAt + ((response.ArrivedAt!.Value - cry.StartedAt) / 2);
            var after = s_calculator.Compute(document, "Robin", s_period).Promptness.MedianLatencySeconds!.Value;
            Assert.True(after <= before, $"seed {seed}: median rose from {before} to {after}");
        }
    }

    [Fact]
    public void Swapping_caregiver_names_does_not_change_household_figures()
    {
        for (var seed = 0; seed < Runs; seed++)
        {
            var document = RandomJournal.Create(seed);
            var before = s_calculator.Compute(document, "Robin", s_period);

            var names = document.Caregivers.Select(c => c.Name).Reverse().ToList();
            document.Caregivers = document.Caregivers.Select((c, i) => c with { Name = names[i] }).ToList();
            var after = s_calculator.Compute(document, "Robin", s_period);

            Assert.Equal(before.Promptness, after.Promptness);
            Assert.Equal(before.Accuracy, after.Accuracy);
            Assert.Equal(before.Alignment, after.Alignment);
            Assert.Equal(before.Continuity, after.Continuity);
            Assert.Equal((before.Scores.Alignment, before.Scores.Balance, before.Scores.Continuity), (after.Scores.Alignment, after.Scores.Balance, after.Scores.Continuity));
            Assert.Equal(before.Patterns.Select(p => p.Id).Order(), after.Patterns.Select(p => p.Id).Order());
            // The per-caregiver figures follow the people, not the names.
            Assert.Equal(
                before.ByCaregiver.Select(c => (c.CaregiverId, c.Promptness)).OrderBy(c => c.CaregiverId),
                after.ByCaregiver.Select(c => (c.CaregiverId, c.Promptness)).OrderBy(c => c.CaregiverId));
        }
    }

    [Fact]
    public void An_empty_period_gives_not_enough_data_and_never_zeros()
    {
        for (var seed = 0; seed < 10; seed++)
        {
            var document = RandomJournal.Create(seed);
            var empty = InsightsPeriod.Week(new DateOnly(2026, 11, 16), s_paris);
            var result = s_calculator.Compute(document, "Robin", empty);

            Assert.Equal(0, result.Cries);
            Assert.False(string.IsNullOrWhiteSpace(result.NotEnoughData));
            Assert.Equal(new PromptnessFigures(null, null, null, null), result.Promptness);
            Assert.Equal(new AccuracyFigures(null, null), result.Accuracy);
            Assert.Equal(new AlignmentFigures(null, null, null, null, null, null, null), result.Alignment);
            Assert.Null(result.Continuity.FeedsWithinIntervalShare);
            Assert.Null(result.Continuity.ConnectionMomentsPerDay);
            Assert.Null(result.Continuity.PrimaryCaregiverShare);
            Assert.NotNull(result.Continuity.NotEnoughData);
            Assert.Equal((null, null, null), (result.Scores.Alignment, result.Scores.Balance, result.Scores.Continuity));
            Assert.NotNull(result.Scores.Explanations.Alignment.NotEnoughData);
            Assert.NotNull(result.Scores.Explanations.Balance.NotEnoughData);
            Assert.NotNull(result.Scores.Explanations.Continuity.NotEnoughData);
            Assert.Empty(result.ByCaregiver);
            Assert.Empty(result.Patterns);
        }
    }

    [Fact]
    public void Shares_are_between_zero_and_one_and_scores_between_0_and_100()
    {
        for (var seed = 0; seed < Runs; seed++)
        {
            var result = s_calculator.Compute(RandomJournal.Create(seed), "Robin", s_period);
            foreach (var group in result.ByCaregiver.Concat(result.ByTimeOfDay).Concat(result.BySituation))
            {
                foreach (var share in new[] { group.Promptness.AnsweredWhileFussingShare, group.Accuracy.FirstActionResolvedShare, group.Alignment.AttunedShare, group.Alignment.CalmShare })
                    Assert.True(share is null or (>= 0 and <= 1), $"seed {seed}: share {share}");
                Assert.True(group.Promptness.MedianLatencySeconds <= group.Promptness.P90LatencySeconds || group.NotEnoughData is not null);
            }
            foreach (var score in new[] { result.Scores.Alignment, result.Scores.Balance, result.Scores.Continuity })
                Assert.True(score is null or (>= 0 and <= 100), $"seed {seed}: score {score}");
            Assert.Equal(result.Answered, result.ByCaregiver.Sum(c => c.Answered));
            Assert.Equal(result.Cries, result.ByTimeOfDay.Sum(c => c.Cries));
        }
    }
}
