using SecureBase.Care.Journal;

namespace SecureBase.Insights.LikelyNeed;

/// <summary>One ranked guess of what a crying child needs, with its reasons in plain words.</summary>
/// <param name="Action">The care action that would meet the need.</param>
/// <param name="Probability">The guess's weight among all guesses (0–1; they add up to 1).</param>
/// <param name="Reasons">Why: the context ("fed 2 h 50 m ago, due by 3 h") and the history ("a feed settled 7 of 9 similar cries").</param>
public sealed record NeedGuess(CareAction Action, double Probability, IReadOnlyList<string> Reasons);
