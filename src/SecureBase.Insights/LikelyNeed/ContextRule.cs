using SecureBase.Care.Journal;

namespace SecureBase.Insights.LikelyNeed;

/// <summary>
/// The context-only rule: what most babies need given time since the feed (against the interval), time awake,
/// time since the diaper and time of day. It knows nothing of this child; the learner starts from it.
/// </summary>
public static class ContextRule
{
    /// <summary>Actions the rule considers, in tie-breaking order.</summary>
    public static readonly CareAction[] Needs = [CareAction.Feed, CareAction.HelpToSleep, CareAction.Diaper, CareAction.Burp, CareAction.HoldSoothe];

    private const int Feed = 0, Sleep = 1, Diaper = 2, Burp = 3;

    /// <summary>Weights for each need (unnormalised, all positive) with the reasons that raised them.</summary>
    public static Dictionary<CareAction, (double Weight, List<string> Reasons)> Weigh(CryContext context)
    {
        var weights = new double[Needs.Length];
        var reasons = Needs.Select(_ => new List<string>()).ToArray();
        Apply(context, weights, reasons);
        return Needs.Select((a, i) => (a, i)).ToDictionary(x => x.a, x => (weights[x.i], reasons[x.i]));
    }

    /// <summary>The ranked guesses of the rule alone.</summary>
    public static IReadOnlyList<NeedGuess> Guess(CryContext context)
    {
        var weights = Weigh(context);
        var total = weights.Values.Sum(w => w.Weight);
        return weights.Select(w => new NeedGuess(w.Key, w.Value.Weight / total, w.Value.Reasons))
            .OrderByDescending(g => g.Probability).ThenBy(g => Array.IndexOf(Needs, g.Action)).ToList();
    }

    /// <summary>The rule's first guess, without building reasons (used when replaying long journals).</summary>
    public static CareAction TopNeed(CryContext context)
    {
        Span<double> weights = stackalloc double[Needs.Length];
        Apply(context, weights, null);
        var best = 0;
        for (var i = 1; i < weights.Length; i++) if (weights[i] > weights[best]) best = i;
        return Needs[best];
    }

    /// <summary>Fills the weights (in <see cref="Needs"/> order) and, when asked, the reasons behind them.</summary>
    internal static void Apply(CryContext context, Span<double> weights, List<string>[]? reasons)
    {
        ArgumentNullException.ThrowIfNull(context);
        weights.Fill(0.5);
        if (context.HoursSinceFeed is { } sinceFeed)
        {
            var share = sinceFeed / context.FeedIntervalMaxHours;
            var raise = share >= 1 ? 4 : share >= 0.85 ? 3 : share >= 0.6 ? 1 : 0;
            if (raise > 0)
            {
                weights[Feed] += raise;
                reasons?[Feed].Add($"fed {Words.Duration(sinceFeed * 3600)} ago{(share >= 1 ? ", overdue" : "")} (due by {Words.Duration(context.FeedIntervalMaxHours * 3600)})");
            }
            if (sinceFeed <= 0.5)
            {
                weights[Burp] += 1.5;
                reasons?[Burp].Add($"fed only {Words.Duration(sinceFeed * 3600)} ago: wind is common after a feed");
            }
        }
        else
        {
            weights[Feed] += 1;
            reasons?[Feed].Add("no feed logged yet");
        }

        var wakeWindow = WakeWindowHours(context.AgeDays);
        if (context.HoursAwake is { } awake && awake >= wakeWindow)
        {
            weights[Sleep] += 2.5;
            reasons?[Sleep].Add($"awake {Words.Duration(awake * 3600)} (about {Words.Duration(wakeWindow * 3600)} is usual at this age)");
        }
        if (context.TimeOfDay is TimeOfDay.Evening or TimeOfDay.Night)
        {
            weights[Sleep] += 0.5;
            reasons?[Sleep].Add($"it is {TimeOfDayBuckets.Name(context.TimeOfDay)}");
        }
        if (context.HoursSinceDiaper is { } sinceDiaper && sinceDiaper >= 2.5)
        {
            weights[Diaper] += 1.5;
            reasons?[Diaper].Add($"last diaper {Words.Duration(sinceDiaper * 3600)} ago");
        }
    }

    /// <summary>Typical time awake before a baby tires, by age (hours).</summary>
    public static double WakeWindowHours(int ageDays) => ageDays switch
    {
        < 90 => 1.25,
        < 180 => 1.75,
        < 365 => 2.5,
        _ => 4,
    };
}
