using SecureBase.Care.Households;
using SecureBase.Care.Journal;

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
        var childEntries = new List<JournalEntry>();
        var cries = new List<CryFacts>();
        var states = new Dictionary<Guid, List<CaregiverState>>();
        foreach (var entry in input.Entries)
        {
            if (entry.ChildId == childId)
            {
                childEntries.Add(entry);
                if (entry is CryEpisodeEntry cry && period.Contains(cry.StartedAt))
                {
                    cries.Add(CryFacts.Of(cry, now, zone, _options));
                    foreach (var response in cry.Responses)
                    {
                        if (response.State is { } state) StatesOf(response.CaregiverId).Add(state);
                    }
                }
            }
            else if (entry is CheckInEntry checkIn && period.Contains(checkIn.StartedAt))
            {
                StatesOf(checkIn.DoneBy ?? checkIn.LoggedBy).Add(checkIn.State);
            }
        }
        cries.Sort((a, b) => a.Cry.StartedAt.CompareTo(b.Cry.StartedAt));

        var household = CareFiguresCalculator.Compute("household", null, cries, _options);
        var byCaregiver = cries.Where(c => c.Answer is not null)
            .GroupBy(c => c.Answer!.CaregiverId)
            .Select(g => CareFiguresCalculator.Compute(NameOf(g.Key), g.Key, g.ToList(), _options))
            .OrderByDescending(f => f.Answered).ThenBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        var byTimeOfDay = cries.GroupBy(c => c.TimeOfDay).OrderBy(g => g.Key)
            .Select(g => CareFiguresCalculator.Compute(TimeOfDayBuckets.Name(g.Key), null, g.ToList(), _options))
            .ToList();
        var bySituation = cries.Where(c => c.Busy is not null).GroupBy(c => c.Busy!.Value).OrderBy(g => g.Key)
            .Select(g => CareFiguresCalculator.Compute(g.Key ? "busy" : "free", null, g.ToList(), _options))
            .ToList();

        var child = new Child
        {
            Id = childId,
            Name = input.Child.Name,
            BirthDate = input.Child.BirthDate,
            FeedingIntervalMinMinutes = input.Child.FeedingIntervalMinMinutes,
            FeedingIntervalMaxMinutes = input.Child.FeedingIntervalMaxMinutes,
        };
        var continuity = ContinuityCalculator.Compute(child, childEntries, period, zone, cries, _options);

        var caregiverComparisons = GroupComparison.AllPairs(byCaregiver, _options);
        var situationComparisons = GroupComparison.AllPairs(bySituation, _options);
        situationComparisons.AddRange(GroupComparison.AllPairs(byTimeOfDay, _options));
        situationComparisons.Sort((x, y) => y.Difference.CompareTo(x.Difference));
        var allComparisons = caregiverComparisons.Concat(situationComparisons).OrderByDescending(c => c.Difference).ToList();

        var stateReports = states.Select(s => new StateReports(s.Key, NameOf(s.Key), s.Value)).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        var patterns = PatternDetector.Detect(input.Child.Name, byCaregiver, caregiverComparisons, situationComparisons, stateReports, _options);

        return new InsightsResult(
            childId,
            input.Child.Name,
            period.From,
            period.To,
            zone.Id,
            cries.Count,
            household.Answered,
            household.NotEnoughData,
            household.Promptness,
            household.Accuracy,
            household.Alignment,
            continuity,
            ScoreCalculator.Compute(household, continuity, allComparisons, _options),
            byCaregiver,
            byTimeOfDay,
            bySituation,
            patterns);

        List<CaregiverState> StatesOf(Guid caregiverId)
        {
            if (!states.TryGetValue(caregiverId, out var list)) states[caregiverId] = list = [];
            return list;
        }

        string NameOf(Guid caregiverId) => names.TryGetValue(caregiverId, out var name) ? name : "a former caregiver";
    }
}
