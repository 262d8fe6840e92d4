namespace SecureBase.Insights;

/// <summary>
/// The thresholds behind every figure, score and pattern. Each default is documented in docs/insights.md;
/// a household may tune them. Call <see cref="Validate"/> (the calculator does) to refuse nonsense values.
/// </summary>
public sealed record InsightsOptions
{
    /// <summary>Fewer answered cries than this in a group (household, caregiver, situation) give "not enough data" instead of figures. Default 1.</summary>
    public int MinResponses { get; init; } = 1;

    /// <summary>Answered cries each side needs before two caregivers or two situations are compared (Balance, inconsistency patterns). Default 3.</summary>
    public int MinResponsesToCompare { get; init; } = 3;

    /// <summary>Reports needed before a repeated pattern (anxious care, caregiver distress) is raised. Default 3.</summary>
    public int MinRepeatedReports { get; init; } = 3;

    /// <summary>Median latency (seconds) at or under which answers count as prompt. Default 60 s.</summary>
    public double PromptLatencySeconds { get; init; } = 60;

    /// <summary>Median latency (seconds) over which answers count as delayed. Default 120 s (2 minutes: by then whining has usually become crying).</summary>
    public double DelayedLatencySeconds { get; init; } = 120;

    /// <summary>Share (0–1) of cries answered while still fussing at or above which promptness is "secure-promoting". Default 0.7.</summary>
    public double GoodFussingShare { get; init; } = 0.7;

    /// <summary>Share (0–1) of cries answered while still fussing under which the delayed pattern is raised. Default 0.5.</summary>
    public double LowFussingShare { get; init; } = 0.5;

    /// <summary>Attuned share (0–1) at or above which answers count as attuned. Default 0.7.</summary>
    public double GoodAttunedShare { get; init; } = 0.7;

    /// <summary>Share (0–1) of answers with neither talking, eye contact nor warmth at or above which the delayed/dismissive pattern is raised. Default 0.5.</summary>
    public double UnattunedShare { get; init; } = 0.5;

    /// <summary>Share (0–1) of answers given under stress, anxiety, overwhelm, fright or anger at or above which care counts as uneasy. Default 0.5.</summary>
    public double UneasyShare { get; init; } = 0.5;

    /// <summary>Median time to settle after arrival (seconds) at or above which settling counts as long. Default 900 s (15 minutes).</summary>
    public double LongSettleSeconds { get; init; } = 900;

    /// <summary>Share (0–1) of a caregiver's state reports that are frightened, overwhelmed or angry at or above which distress is raised. Default 0.3.</summary>
    public double DistressShare { get; init; } = 0.3;

    /// <summary>Difference (0–1, see docs/insights.md) between two caregivers or situations at or above which care counts as inconsistent. Default 0.35.</summary>
    public double InconsistencyThreshold { get; init; } = 0.35;

    /// <summary>A difference in median latency of this many seconds counts as a full (1.0) difference when comparing groups. Default 300 s.</summary>
    public double LatencySpreadSeconds { get; init; } = 300;

    /// <summary>Connection moments a day that count as "enough" for Continuity. Default 3.</summary>
    public double TargetConnectionMomentsPerDay { get; init; } = 3;

    /// <summary>How many of the most frequent answering caregivers count as the child's primary caregivers (Continuity). Default 2.</summary>
    public int PrimaryCaregiverCount { get; init; } = 2;

    /// <summary>A feed gap during which the child slept at least this share (0–1) of the time is not counted against the interval. Default 0.5.</summary>
    public double SleepCoveredGapShare { get; init; } = 0.5;

    /// <summary>Local hour (0–23) at which night begins. Default 22.</summary>
    public int NightStartsAtHour { get; init; } = 22;

    /// <summary>Local hour (0–23) at which morning begins (and night ends). Default 6.</summary>
    public int MorningStartsAtHour { get; init; } = 6;

    /// <summary>Local hour (0–23) at which afternoon begins. Default 12.</summary>
    public int AfternoonStartsAtHour { get; init; } = 12;

    /// <summary>Local hour (0–23) at which evening begins. Default 18.</summary>
    public int EveningStartsAtHour { get; init; } = 18;

    /// <summary>Throws <see cref="ArgumentException"/> with a plain message when a setting makes no sense.</summary>
    public InsightsOptions Validate()
    {
        Require(MinResponses >= 1, nameof(MinResponses), "must be at least 1");
        Require(MinResponsesToCompare >= 1, nameof(MinResponsesToCompare), "must be at least 1");
        Require(MinRepeatedReports >= 1, nameof(MinRepeatedReports), "must be at least 1");
        Require(PromptLatencySeconds > 0, nameof(PromptLatencySeconds), "must be positive");
        Require(DelayedLatencySeconds >= PromptLatencySeconds, nameof(DelayedLatencySeconds), "must not be under PromptLatencySeconds");
        foreach (var (name, share) in new[]
        {
            (nameof(GoodFussingShare), GoodFussingShare), (nameof(LowFussingShare), LowFussingShare),
            (nameof(GoodAttunedShare), GoodAttunedShare), (nameof(UnattunedShare), UnattunedShare),
            (nameof(UneasyShare), UneasyShare), (nameof(DistressShare), DistressShare),
            (nameof(InconsistencyThreshold), InconsistencyThreshold), (nameof(SleepCoveredGapShare), SleepCoveredGapShare),
        })
        {
            Require(share is >= 0 and <= 1, name, "must be between 0 and 1");
        }
        Require(LowFussingShare <= GoodFussingShare, nameof(LowFussingShare), "must not be over GoodFussingShare");
        Require(LongSettleSeconds > 0, nameof(LongSettleSeconds), "must be positive");
        Require(LatencySpreadSeconds > 0, nameof(LatencySpreadSeconds), "must be positive");
        Require(TargetConnectionMomentsPerDay > 0, nameof(TargetConnectionMomentsPerDay), "must be positive");
        Require(PrimaryCaregiverCount >= 1, nameof(PrimaryCaregiverCount), "must be at least 1");
        Require(MorningStartsAtHour >= 0 && MorningStartsAtHour < AfternoonStartsAtHour
                && AfternoonStartsAtHour < EveningStartsAtHour && EveningStartsAtHour < NightStartsAtHour && NightStartsAtHour <= 23,
            "hours", "the day's parts must start in the order morning < afternoon < evening < night, each between 0 and 23");
        return this;

        static void Require(bool ok, string name, string message)
        {
            if (!ok) throw new ArgumentException($"Insights setting {name} {message}.", name);
        }
    }
}
