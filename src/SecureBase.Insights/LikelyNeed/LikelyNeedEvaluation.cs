namespace SecureBase.Insights.LikelyNeed;

/// <summary>First-guess accuracy after a number of logged cries, averaged over simulated babies.</summary>
/// <param name="LoggedCries">Outcomes the learner had seen.</param>
/// <param name="LearnerAccuracy">Share (0–1) of held-out cries whose first guess by the learner was right.</param>
/// <param name="RuleAccuracy">The same for the context-only rule.</param>
public sealed record EvaluationPoint(int LoggedCries, double LearnerAccuracy, double RuleAccuracy);

/// <summary>
/// Offline evaluation on simulated households: for each baby, the learner sees the first N cries' outcomes and then
/// guesses a further set of held-out cries (without learning from them); the context-only rule guesses the same cries.
/// </summary>
public static class LikelyNeedEvaluation
{
    public static IReadOnlyList<EvaluationPoint> Run(int babies = 60, int heldOut = 200, int seed = 1, params int[] checkpoints)
    {
        checkpoints = checkpoints.Length == 0 ? [10, 50, 200] : [.. checkpoints.Order()];
        ArgumentOutOfRangeException.ThrowIfNegative(checkpoints[0]);
        ArgumentOutOfRangeException.ThrowIfLessThan(babies, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(heldOut, 1);
        var learnerHits = new int[checkpoints.Length];
        var ruleHits = new int[checkpoints.Length];
        var maxLogged = checkpoints.Max();
        for (var b = 0; b < babies; b++)
        {
            var baby = new SimulatedBaby((seed * 7919) + b);
            var logged = Enumerable.Range(0, maxLogged).Select(_ => baby.NextCry()).ToList();
            var test = Enumerable.Range(0, heldOut).Select(_ => baby.NextCry()).ToList();
            var learner = new LikelyNeedLearner();
            var seen = 0;
            for (var c = 0; c < checkpoints.Length; c++)
            {
                for (; seen < checkpoints[c]; seen++) learner.Learn(logged[seen].Context, logged[seen].Need);
                foreach (var (context, need) in test)
                {
                    if (learner.TopAction(context) == need) learnerHits[c]++;
                    if (ContextRule.TopNeed(context) == need) ruleHits[c]++;
                }
            }
        }
        var total = (double)babies * heldOut;
        return checkpoints.Select((n, c) => new EvaluationPoint(n, learnerHits[c] / total, ruleHits[c] / total)).ToList();
    }
}
