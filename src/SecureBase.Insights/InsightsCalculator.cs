using SecureBase.Care.Households;
using SecureBase.Care.Journal;
using SecureBase.Insights.LikelyNeed;

namespace SecureBase.Insights;

/// <summary>
/// Computes the insights of one child over one period from the journal: figures, scores and patterns.
/// Pure apart from the clock, which only matters for a cry still going on ("how long has it gone unanswered").
/// </summary>
public sealed class InsightsCalculator
{
    private readonly InsightsOptions _options;
    private readonly TimeProvider _time;

    public InsightsCalculator(InsightsOptions? options = null, TimeProvider? time = null)
    {
        _options = (options ?? new InsightsOptions()).Validate();
        _time = time ?? TimeProvider.System;
    }

    public InsightsOptions Options => _options;

    /// <summary>Insights for a child (by name or id) of a journal document, over a period.</summary>
    public InsightsResult Compute(JournalDocument document, string childNameOrId, InsightsPeriod period) =>
        Compute(InsightsInput.FromDocument(document, childNameOrId), period);

    public InsightsResult Compute(InsightsInput input, InsightsPeriod period)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(period);
        var zone = input.TimeZone;
        var childId = input.Child.Id;
        var names = new Dictionary<Guid, string>();
        foreach (var caregiver in input.Caregivers) names[caregiver.Id] = caregiver.Name;

        var now = _time.GetUtcNow();
        var entries = InTimeOrder(input.Entries);
        var states = new Dictionary<Guid, List<CaregiverState>>();
        using var household = new CareFiguresCalculator("household", null);
        var caregivers = new Dictionary<Guid, CareFiguresCalculator>();
        var timesOfDay = new CareFiguresCalculator?[4];
        var situations = new CareFiguresCalculator?[2];
        // The likely-need learner replays the child's history up to the period's end, guessing each resolved cry before learning it.
        var learner = new LikelyNeedLearner();
        var contexts = new CryContextTracker(input.Child, zone, _options);
        int guessed = 0, learnerHits = 0, ruleHits = 0;
        try
        {
            foreach (var entry in entries)
            {
                if (entry.StartedAt >= period.To) break;
                if (entry.ChildId == childId)
                {
                    if (entry is CryEpisodeEntry cry)
                    {
                        if (period.Contains(cry.StartedAt)) AddCry(cry);
                        Guess(cry);
                    }
                    contexts.Observe(entry);
                }
                else if (entry is CheckInEntry checkIn && period.Contains(checkIn.StartedAt))
                {
                    StatesOf(checkIn.DoneBy ?? checkIn.LoggedBy).Add(checkIn.State);
                }
            }

            var householdFigures = household.Figures(_options);
            var byCaregiver = caregivers.Values.Select(c => c.Figures(_options))
                .OrderByDescending(f => f.Answered).ThenBy(f => f.Name, StringComparer.Ordinal)
                .ToList();
            var byTimeOfDay = timesOfDay.Where(t => t is not null).Select(t => t!.Figures(_options)).ToList();
            var bySituation = situations.Where(s => s is not null).Select(s => s!.Figures(_options)).ToList();

            var child = new Child
            {
                Id = childId,
                Name = input.Child.Name,
                BirthDate = input.Child.BirthDate,
                FeedingIntervalMinMinutes = input.Child.FeedingIntervalMinMinutes,
                FeedingIntervalMaxMinutes = input.Child.FeedingIntervalMaxMinutes,
            };
            var continuity = ContinuityCalculator.Compute(child, entries, period, zone, caregivers.Values.Select(c => c.Answered), _options);
            var likelyNeed = new LikelyNeedFigures(
                guessed, Stats.Share(learnerHits, guessed), Stats.Share(ruleHits, guessed), learner.Learned,
                guessed == 0 ? "No cry in this period has a logged resolving action to check the guess against." : null);
            return Result(input, period, householdFigures, continuity, likelyNeed, byCaregiver, byTimeOfDay, bySituation, states, NameOf);
        }
        finally
        {
            foreach (var calculator in caregivers.Values.Concat(timesOfDay).Concat(situations)) calculator?.Dispose();
        }

        void Guess(CryEpisodeEntry cry)
        {
            if (LikelyNeedLearner.ResolvedBy(cry) is not { } resolved) return;
            var outcome = learner.Learn(contexts.At(cry.StartedAt), resolved);
            if (!period.Contains(cry.StartedAt)) return;
            guessed++;
            if (outcome.LearnerRight) learnerHits++;
            if (outcome.RuleRight) ruleHits++;
        }

        void AddCry(CryEpisodeEntry cry)
        {
            var facts = CryFacts.Of(cry, now, zone, _options);
            household.Add(facts);
            (timesOfDay[(int)facts.TimeOfDay] ??= new CareFiguresCalculator(TimeOfDayBuckets.Name(facts.TimeOfDay), null)).Add(facts);
            if (facts.Answer is { } answer)
            {
                if (!caregivers.TryGetValue(answer.CaregiverId, out var byCaregiver))
                    caregivers[answer.CaregiverId] = byCaregiver = new CareFiguresCalculator(NameOf(answer.CaregiverId), answer.CaregiverId);
                byCaregiver.Add(facts);
                var busy = facts.Busy == true;
                (situations[busy ? 1 : 0] ??= new CareFiguresCalculator(busy ? "busy" : "free", null)).Add(facts);
            }
            foreach (var response in cry.Responses)
            {
                if (response.State is { } state) StatesOf(response.CaregiverId).Add(state);
            }
        }

        List<CaregiverState> StatesOf(Guid caregiverId)
        {
            if (!states.TryGetValue(caregiverId, out var list)) states[caregiverId] = list = [];
            return list;
        }

        string NameOf(Guid caregiverId) => names.TryGetValue(caregiverId, out var name) ? name : "a former caregiver";
    }

    private InsightsResult Result(
        InsightsInput input, InsightsPeriod period, CareFigures household, ContinuityFigures continuity, LikelyNeedFigures likelyNeed,
        List<CareFigures> byCaregiver, List<CareFigures> byTimeOfDay, List<CareFigures> bySituation,
        Dictionary<Guid, List<CaregiverState>> states, Func<Guid, string> nameOf)
    {
        var caregiverComparisons = GroupComparison.AllPairs(byCaregiver, _options);
        var situationComparisons = GroupComparison.AllPairs(bySituation, _options);
        situationComparisons.AddRange(GroupComparison.AllPairs(byTimeOfDay, _options));
        situationComparisons.Sort((x, y) => y.Difference.CompareTo(x.Difference));
        var allComparisons = caregiverComparisons.Concat(situationComparisons).OrderByDescending(c => c.Difference).ToList();

        var stateReports = states.Select(s => new StateReports(s.Key, nameOf(s.Key), s.Value)).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        var patterns = PatternDetector.Detect(input.Child.Name, byCaregiver, caregiverComparisons, situationComparisons, stateReports, _options);

        return new InsightsResult(
            input.Child.Id,
            input.Child.Name,
            period.From,
            period.To,
            input.TimeZone.Id,
            household.Cries,
            household.Answered,
            household.NotEnoughData,
            household.Promptness,
            household.Accuracy,
            household.Alignment,
            continuity,
            likelyNeed,
            ScoreCalculator.Compute(household, continuity, allComparisons, _options),
            byCaregiver,
            byTimeOfDay,
            bySituation,
            patterns);
    }

    /// <summary>The entries in time order: the journal keeps them so, and only an unordered list is copied and sorted.</summary>
    private static IReadOnlyList<JournalEntry> InTimeOrder(IReadOnlyList<JournalEntry> entries)
    {
        for (var i = 1; i < entries.Count; i++)
        {
            if (entries[i].StartedAt < entries[i - 1].StartedAt) return [.. entries.OrderBy(e => e.StartedAt)];
        }
        return entries;
    }
}
