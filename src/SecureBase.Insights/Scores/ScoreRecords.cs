namespace SecureBase.Insights;

/// <summary>The three 0–100 scores (null when there is not enough data), with how each was computed.</summary>
/// <param name="Alignment">How attuned the answers were, 0–100.</param>
/// <param name="Balance">How alike the answers were across caregivers, times of day and busy or free moments, 0–100.</param>
/// <param name="Continuity">Feeds within the interval, daily connection and stable caregivers, 0–100.</param>
/// <param name="Explanations">"How is this computed" for each score, with this period's figures.</param>
public sealed record InsightScores(int? Alignment, int? Balance, int? Continuity, ScoreExplanations Explanations);

/// <summary>The explanation of each score.</summary>
public sealed record ScoreExplanations(ScoreExplanation Alignment, ScoreExplanation Balance, ScoreExplanation Continuity);

/// <summary>How a score is computed, filled with the period's figures.</summary>
/// <param name="HowComputed">The formula and the figures that went in.</param>
/// <param name="NotEnoughData">Why the score is null, or null.</param>
public sealed record ScoreExplanation(string HowComputed, string? NotEnoughData);

/// <summary>One score while it is being computed.</summary>
internal sealed record Score(int? Value, string Explanation, string? NotEnoughData)
{
    public ScoreExplanation Explain() => new(Explanation, NotEnoughData);
}
