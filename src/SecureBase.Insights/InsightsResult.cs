namespace SecureBase.Insights;

/// <summary>Everything the insights say about one child over one period.</summary>
/// <param name="ChildId">The child's id.</param>
/// <param name="ChildName">The child's name.</param>
/// <param name="From">Start of the period (included).</param>
/// <param name="To">End of the period (excluded).</param>
/// <param name="Promptness">Household promptness figures (every cry, whoever answered).</param>
/// <param name="Accuracy">Household accuracy figures.</param>
/// <param name="Alignment">Household alignment figures.</param>
/// <param name="Continuity">Feeds, connection moments and caregiver stability.</param>
/// <param name="LikelyNeed">First-guess accuracy of the likely-need learner on the period's cries.</param>
/// <param name="Scores">Alignment, Balance and Continuity, 0–100, with their explanations.</param>
/// <param name="ByCaregiver">The same figures for each caregiver, over the cries they were first to reach.</param>
/// <param name="Patterns">Patterns seen, each with its evidence and a suggestion.</param>
/// <param name="TimeZone">The household time zone used for times of day and days.</param>
/// <param name="Cries">Cries whose onset falls in the period.</param>
/// <param name="Answered">Of those, cries someone arrived at.</param>
/// <param name="NotEnoughData">Why the household figures are null, or null when they are computed.</param>
/// <param name="ByTimeOfDay">Figures by the part of the day of the cry's onset, in the order night, morning, afternoon, evening; only parts with cries.</param>
/// <param name="BySituation">"free" and "busy" (what the answering caregiver logged they were busy with); only situations with answers.</param>
public sealed record InsightsResult(
    Guid ChildId,
    string ChildName,
    DateTimeOffset From,
    DateTimeOffset To,
    string TimeZone,
    int Cries,
    int Answered,
    string? NotEnoughData,
    PromptnessFigures Promptness,
    AccuracyFigures Accuracy,
    AlignmentFigures Alignment,
    ContinuityFigures Continuity,
    LikelyNeedFigures LikelyNeed,
    InsightScores Scores,
    IReadOnlyList<CareFigures> ByCaregiver,
    IReadOnlyList<CareFigures> ByTimeOfDay,
    IReadOnlyList<CareFigures> BySituation,
    IReadOnlyList<Pattern> Patterns);
