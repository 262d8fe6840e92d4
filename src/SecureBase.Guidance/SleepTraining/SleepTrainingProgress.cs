namespace SecureBase.Guidance.SleepTraining;

/// <summary>A finished night, as logged.</summary>
public sealed record NightSummary(int NightNumber, DateOnly Date, TimeSpan? TimeToFallAsleep, int CheckIns, bool Paused);

/// <summary>The week's progress: how long falling asleep takes, and how many check-ins a night needs.</summary>
public sealed record SleepTrainingProgress(IReadOnlyList<NightSummary> Nights, TimeSpan? FirstNightToSleep, TimeSpan? LatestNightToSleep, double? AverageCheckIns, string Summary)
{
    public static SleepTrainingProgress From(IEnumerable<NightSummary> nights)
    {
        ArgumentNullException.ThrowIfNull(nights);
        var ordered = nights.OrderBy(n => n.NightNumber).ToList();
        var completed = ordered.Where(n => !n.Paused && n.TimeToFallAsleep is not null).ToList();
        if (completed.Count == 0)
            return new(ordered, null, null, null, "No completed night yet.");
        var first = completed[0].TimeToFallAsleep;
        var latest = completed[^1].TimeToFallAsleep;
        var average = completed.Average(n => n.CheckIns);
        var summary = completed.Count == 1
            ? $"Night {completed[0].NightNumber}: asleep after {Durations.Format(first!.Value)} with {completed[0].CheckIns} check-ins."
            : $"Falling asleep took {Durations.Format(first!.Value)} on night {completed[0].NightNumber} and {Durations.Format(latest!.Value)} on night {completed[^1].NightNumber}; {average:0.#} check-ins a night on average.";
        return new(ordered, first, latest, average, summary);
    }
}
