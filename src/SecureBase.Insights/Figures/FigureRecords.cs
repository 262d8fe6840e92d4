namespace SecureBase.Insights;

/// <summary>How quickly cries were answered. Null figures mean "not enough data", never zero.</summary>
/// <param name="MedianLatencySeconds">Median seconds from a cry's onset to the first caregiver's arrival.</param>
/// <param name="P90LatencySeconds">90th percentile of the same latencies (linear interpolation), seconds.</param>
/// <param name="AnsweredWhileFussingShare">Share (0–1) of cries that began as fussing which someone reached before they first escalated above fussing.</param>
/// <param name="LongestUnansweredSeconds">The longest time a cry went without anyone arriving: the latency of an answered cry, or the whole length of one nobody reached.</param>
public sealed record PromptnessFigures(
    double? MedianLatencySeconds,
    double? P90LatencySeconds,
    double? AnsweredWhileFussingShare,
    double? LongestUnansweredSeconds);

/// <summary>Whether the first guess met the need.</summary>
/// <param name="FirstActionResolvedShare">Share (0–1) of answered cries with logged actions whose first action is the one that resolved the cry.</param>
/// <param name="MedianSettleSecondsAfterArrival">Median seconds from the first arrival to the baby settling.</param>
public sealed record AccuracyFigures(
    double? FirstActionResolvedShare,
    double? MedianSettleSecondsAfterArrival);

/// <summary>Attunement of the answers. Shares are 0–1 over answered cries.</summary>
/// <param name="TalkedShare">Answers in which the caregiver talked to the child.</param>
/// <param name="EyeContactShare">Answers with eye contact.</param>
/// <param name="WarmShare">Answers with a smile or warm tone.</param>
/// <param name="AttunedShare">Answers in which the caregiver talked to the child AND made eye contact AND was warm.</param>
/// <param name="CalmShare">Answers whose caregiver logged feeling calm, over answers with a logged state.</param>
/// <param name="UneasyShare">Answers whose caregiver logged feeling stressed, anxious, overwhelmed, frightened or angry, over answers with a logged state.</param>
/// <param name="UnattunedShare">Answers with neither talking, eye contact nor warmth.</param>
public sealed record AlignmentFigures(
    double? TalkedShare,
    double? EyeContactShare,
    double? WarmShare,
    double? CalmShare,
    double? AttunedShare,
    double? UneasyShare,
    double? UnattunedShare);

/// <summary>The promptness, accuracy and alignment figures of one group of cries (the household, a caregiver, a time of day, busy or free).</summary>
/// <param name="Name">Caregiver's name, time-of-day name ("night", "morning", "afternoon", "evening") or situation ("busy", "free"); "household" for the whole.</param>
/// <param name="CaregiverId">Set for a caregiver's figures.</param>
/// <param name="Cries">Cries in the group.</param>
/// <param name="Answered">Cries someone arrived at.</param>
/// <param name="Promptness">How quickly the group's cries were answered.</param>
/// <param name="Accuracy">Whether the first guess met the need.</param>
/// <param name="Alignment">Attunement of the answers.</param>
/// <param name="NotEnoughData">Why the figures are null, or null when they are computed.</param>
public sealed record CareFigures(
    string Name,
    Guid? CaregiverId,
    int Cries,
    int Answered,
    PromptnessFigures Promptness,
    AccuracyFigures Accuracy,
    AlignmentFigures Alignment,
    string? NotEnoughData);

/// <summary>Regularity and connection over the period.</summary>
/// <param name="FeedsWithinIntervalShare">Share (0–1) of counted gaps between feeds that were no longer than the child's feeding interval maximum.</param>
/// <param name="FeedGapsCounted">Gaps between consecutive taken (not refused) feeds ending in the period, minus those mostly asleep.</param>
/// <param name="OverdueFeedGaps">Counted gaps longer than the interval maximum.</param>
/// <param name="LongestAwakeFeedGapHours">The longest counted gap, hours.</param>
/// <param name="FeedingIntervalMaxHours">The child's feeding interval maximum at the end of the period, hours.</param>
/// <param name="ConnectionMomentsPerDay">Connection moments logged per day of the period.</param>
/// <param name="DaysWithConnectionShare">Share (0–1) of the period's local days with at least one connection moment.</param>
/// <param name="DistinctCaregivers">People who answered at least one cry.</param>
/// <param name="PrimaryCaregiverShare">Share (0–1) of answered cries answered by the most frequent answering caregivers (how many is a setting, default 2).</param>
/// <param name="NotEnoughData">Why everything is null (nothing logged for the child in the period), or null.</param>
public sealed record ContinuityFigures(
    double? FeedsWithinIntervalShare,
    int FeedGapsCounted,
    int OverdueFeedGaps,
    double? LongestAwakeFeedGapHours,
    double FeedingIntervalMaxHours,
    double? ConnectionMomentsPerDay,
    double? DaysWithConnectionShare,
    int DistinctCaregivers,
    double? PrimaryCaregiverShare,
    string? NotEnoughData);

/// <summary>How well the likely-need guess did on the period's cries (SPEC E: the first-guess accuracy is itself tracked).</summary>
/// <param name="GuessedCries">Cries in the period whose resolving action was logged; each was guessed from the journal before it.</param>
/// <param name="FirstGuessAccuracy">Share (0–1) of them whose learner's first guess was the action that resolved the cry.</param>
/// <param name="RuleFirstGuessAccuracy">The same for the context-only rule.</param>
/// <param name="LearnedCries">Resolved cries the learner had seen by the end of the period (from the start of the journal).</param>
/// <param name="NotEnoughData">Why the shares are null, or null.</param>
public sealed record LikelyNeedFigures(int GuessedCries, double? FirstGuessAccuracy, double? RuleFirstGuessAccuracy, int LearnedCries, string? NotEnoughData);
