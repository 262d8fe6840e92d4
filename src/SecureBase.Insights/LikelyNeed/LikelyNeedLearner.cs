using SecureBase.Care.Journal;

namespace SecureBase.Insights.LikelyNeed;

/// <summary>Whether the first guesses for a cry were right, judged before its outcome was learned.</summary>
public readonly record struct FirstGuessOutcome(bool LearnerRight, bool RuleRight);

/// <summary>
/// Learns one child's "cry language": which action resolved earlier cries in similar contexts. The guess blends the
/// context-only rule with a naive Bayes estimate over context buckets (time since feed against the interval, time
/// awake against the age's wake window, time since the diaper, time of day). With few logged outcomes the rule
/// dominates; each logged outcome shifts weight to this child's own history (weight n / (n + PriorStrength)).
/// It tracks its own first-guess accuracy, measured before each outcome is learned.
/// </summary>
public sealed class LikelyNeedLearner
{
    private static readonly CareAction[] s_actions = Enum.GetValues<CareAction>();
    private readonly double _priorStrength;
    private readonly int[] _classCounts = new int[s_actions.Length];
    private readonly int[][][] _featureCounts;
    /// <summary>Outcomes by bucket combination and action: enough to find "similar moments" without keeping every cry.</summary>
    private readonly int[] _combinationCounts = new int[ContextFeatures.Combinations * s_actions.Length];
    private int _learned;
    private int _hits;
    private int _ruleHits;

    /// <param name="priorStrength">How many logged outcomes the context rule is worth (default 10).</param>
    public LikelyNeedLearner(double priorStrength = 10)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(priorStrength);
        _priorStrength = priorStrength;
        _featureCounts = s_actions.Select(_ => ContextFeatures.Buckets.Select(b => new int[b]).ToArray()).ToArray();
    }

    /// <summary>Outcomes learned so far.</summary>
    public int Learned => _learned;

    /// <summary>Share (0–1) of learned cries whose first guess (made before learning the outcome) was right; null before any.</summary>
    public double? FirstGuessAccuracy => Stats.Share(_hits, _learned);

    /// <summary>The same for the context-only rule, for comparison.</summary>
    public double? RuleFirstGuessAccuracy => Stats.Share(_ruleHits, _learned);

    /// <summary>Ranked guesses for a cry in this context, most likely first, with reasons.</summary>
    public IReadOnlyList<NeedGuess> Guess(CryContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var rule = ContextRule.Weigh(context);
        var ruleTotal = rule.Values.Sum(r => r.Weight);
        var features = ContextFeatures.Of(context);
        var learned = new double[s_actions.Length];
        Posterior(features, learned);
        var n = _learned;
        var historyWeight = n / (n + _priorStrength);

        var guesses = new List<NeedGuess>(s_actions.Length);
        for (var a = 0; a < s_actions.Length; a++)
        {
            var action = s_actions[a];
            var ruleShare = rule.TryGetValue(action, out var r) ? r.Weight / ruleTotal : 0;
            var probability = ((1 - historyWeight) * ruleShare) + (historyWeight * learned[a]);
            var reasons = new List<string>(r.Reasons ?? []);
            if (HistoryReason(action, features) is { } history) reasons.Add(history);
            guesses.Add(new NeedGuess(action, probability, reasons));
        }
        // A stable order, so ties rank as in TopAction.
        return [.. guesses.OrderByDescending(g => g.Probability)];
    }

    /// <summary>The first guess without reasons: the same ranking as <see cref="Guess"/>, cheap enough to replay years of cries.</summary>
    public CareAction TopAction(CryContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Span<int> features = stackalloc int[ContextFeatures.Count];
        ContextFeatures.Fill(context, features);
        return TopAction(context, features);
    }

    private CareAction TopAction(CryContext context, ReadOnlySpan<int> features)
    {
        Span<double> rule = stackalloc double[ContextRule.Needs.Length];
        ContextRule.Apply(context, rule, null);
        var ruleTotal = 0.0;
        foreach (var w in rule) ruleTotal += w;
        Span<double> learned = stackalloc double[s_actions.Length];
        Posterior(features, learned);
        var historyWeight = _learned / (_learned + _priorStrength);
        var best = -1;
        var bestProbability = double.NegativeInfinity;
        for (var a = 0; a < s_actions.Length; a++)
        {
            var ruleIndex = Array.IndexOf(ContextRule.Needs, s_actions[a]);
            var ruleShare = ruleIndex < 0 ? 0 : rule[ruleIndex] / ruleTotal;
            var probability = ((1 - historyWeight) * ruleShare) + (historyWeight * learned[a]);
            if (probability > bestProbability)
            {
                best = a;
                bestProbability = probability;
            }
        }
        return s_actions[best];
    }

    /// <summary>
    /// Records which action resolved a cry in this context, after scoring the first guesses that would have been made.
    /// </summary>
    /// <returns>Whether the learner's and the context rule's first guesses were right.</returns>
    public FirstGuessOutcome Learn(CryContext context, CareAction resolvedBy)
    {
        ArgumentNullException.ThrowIfNull(context);
        Span<int> features = stackalloc int[ContextFeatures.Count];
        ContextFeatures.Fill(context, features);
        var outcome = new FirstGuessOutcome(TopAction(context, features) == resolvedBy, ContextRule.TopNeed(context) == resolvedBy);
        if (outcome.LearnerRight) _hits++;
        if (outcome.RuleRight) _ruleHits++;
        var a = Array.IndexOf(s_actions, resolvedBy);
        _classCounts[a]++;
        for (var f = 0; f < ContextFeatures.Count; f++) _featureCounts[a][f][features[f]]++;
        _combinationCounts[(ContextFeatures.Pack(features) * s_actions.Length) + a]++;
        _learned++;
        return outcome;
    }

    /// <summary>
    /// Replays a child's journal in time order: every cry whose resolving action was logged is guessed, then learned.
    /// </summary>
    public static LikelyNeedLearner FromJournal(JournalChild child, IEnumerable<JournalEntry> entries, TimeZoneInfo zone, double priorStrength = 10)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(entries);
        var learner = new LikelyNeedLearner(priorStrength);
        var tracker = new CryContextTracker(child, zone);
        foreach (var entry in entries.Where(e => e.ChildId == child.Id).OrderBy(e => e.StartedAt))
        {
            if (entry is CryEpisodeEntry cry && ResolvedBy(cry) is { } action) learner.Learn(tracker.At(cry.StartedAt), action);
            tracker.Observe(entry);
        }
        return learner;
    }

    /// <summary>The action that resolved a cry, from the first response that logged one.</summary>
    public static CareAction? ResolvedBy(CryEpisodeEntry cry)
    {
        ArgumentNullException.ThrowIfNull(cry);
        foreach (var response in cry.Responses)
        {
            if (response.ResolvedBy is { } action) return action;
        }
        return null;
    }

    /// <summary>Naive Bayes P(action | buckets) with add-one smoothing; plain products are safe with four features.</summary>
    private void Posterior(ReadOnlySpan<int> features, Span<double> posterior)
    {
        var total = _learned;
        var sum = 0.0;
        for (var a = 0; a < s_actions.Length; a++)
        {
            var p = (_classCounts[a] + 1.0) / (total + s_actions.Length);
            for (var f = 0; f < ContextFeatures.Count; f++)
                p *= (_featureCounts[a][f][features[f]] + 1.0) / (_classCounts[a] + ContextFeatures.Buckets[f]);
            posterior[a] = p;
            sum += p;
        }
        for (var a = 0; a < posterior.Length; a++) posterior[a] /= sum;
    }

    /// <summary>"A feed settled 7 of 9 earlier cries in a similar moment": earlier cries sharing at least three of the four buckets.</summary>
    private string? HistoryReason(CareAction action, int[] features)
    {
        var a = Array.IndexOf(s_actions, action);
        Span<int> other = stackalloc int[ContextFeatures.Count];
        int similar = 0, resolved = 0;
        for (var code = 0; code < ContextFeatures.Combinations; code++)
        {
            ContextFeatures.Unpack(code, other);
            var same = 0;
            for (var f = 0; f < ContextFeatures.Count; f++) if (other[f] == features[f]) same++;
            if (same < ContextFeatures.Count - 1) continue;
            for (var b = 0; b < s_actions.Length; b++) similar += _combinationCounts[(code * s_actions.Length) + b];
            resolved += _combinationCounts[(code * s_actions.Length) + a];
        }
        return resolved == 0 ? null : $"{ActionName(action)} settled {resolved} of {similar} earlier cries in a similar moment";
    }

    internal static string ActionName(CareAction action) => action switch
    {
        CareAction.Feed => "a feed",
        CareAction.Diaper => "a diaper change",
        CareAction.Burp => "burping",
        CareAction.HoldSoothe => "holding and soothing",
        CareAction.Play => "play",
        CareAction.HelpToSleep => "help to sleep",
        CareAction.Comfort => "making comfortable",
        CareAction.Medical => "medical care",
        _ => "something else",
    };
}
