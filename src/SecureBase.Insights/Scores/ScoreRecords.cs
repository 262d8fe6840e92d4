namespace SecureBase.Insights;

/// <summary>A 0–100 score with the formula and figures that made it.</summary>
/// <param name="Value">0–100, or null when there is not enough data.</param>
/// <param name="Explanation">"How is this computed": the formula with this period's figures.</param>
/// <param name="NotEnoughData">Why <paramref name="Value"/> is null, or null.</param>
public sealed record Score(int? Value, string Explanation, string? NotEnoughData);

/// <summary>The three scores.</summary>
public sealed record InsightScores(Score Alignment, Score Balance, Score Continuity);
