using SecureBase.Care.Journal;

namespace SecureBase.Insights.LikelyNeed;

/// <summary>
/// The context-only rule: what most babies need given time since the feed (against the interval), time awake,
/// time since the diaper and time of day. It knows nothing of this child; the learner starts from it.
/// </summary>
public static class ContextRule
{
    /// <summary>Actions the rule and the learner consider.</summary>
    public static readonly CareAction[] Needs = [CareAction.Feed, CareAction.HelpToSleep, CareAction.Diaper, CareAction.Burp, CareAction.HoldSoothe];

    /// <summary>Weights for each need (unnormalised, all positive) with the reasons that raised them.</summary>
    public static Dictionary<CareAction, (double Weight, List<string> Reasons)> Weigh(CryContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = Needs.ToDictionary(a => a, _ => (Weight: 0.5, Reasons: new List<string>()));
        void Raise(CareAction action, double by, string reason)
        {
            var (weight, reasons) = result[action];
            reasons.Add(reason);
            result[action] = (weight + by, reasons);
        }

        var due = $"due by {Words.Duration(context.FeedIntervalMaxHours * 3600)}";
        if (context.HoursSinceFeed is { } sinceFeed)
        {
            var share = sinceFeed / context.FeedIntervalMaxHours;
            var fed = $"fed {Words.Duration(sinceFeed * 3600)} ago";
            if (share >= 1) Raise(CareAction.Feed, 4, $"{fed}, overdue ({due})");
            else if (share >= 0.85) Raise(CareAction.Feed, 3, $"{fed} ({due})");
            else if (share >= 0.6) Raise(CareAction.Feed, 1, $"{fed} ({due})");
            if (sinceFeed <= 0.5) Raise(CareAction.Burp, 1.5, $"fed only {Words.Duration(sinceFeed * 3600)} ago: wind is common after a feed");
        }
        else
        {
            Raise(CareAction.Feed, 1, "no feed logged yet");
        }

        var wakeWindow = WakeWindowHours(context.AgeDays);
        if (context.HoursAwake is { } awake && awake >= wakeWindow)
            Raise(CareAction.HelpToSleep, 2.5, $"awake {Words.Duration(awake * 3600)} (about {Words.Duration(wakeWindow * 3600)} is usual at this age)");
        if (context.TimeOfDay is TimeOfDay.Evening or TimeOfDay.Night) Raise(CareAction.HelpToSleep, 0.5, $"it is {TimeOfDayBuckets.Name(context.TimeOfDay)}");
        if (context.HoursSinceDiaper is { } sinceDiaper && sinceDiaper >= 2.5)
            Raise(CareAction.Diaper, 1.5, $"last diaper {Words.Duration(sinceDiaper * 3600)} ago");
        return result;
    }

    /// <summary>The ranked guesses of the rule alone.</summary>
    public static IReadOnlyList<NeedGuess> Guess(CryContext context)
    {
        var weights = Weigh(context);
        var total = weights.Values.Sum(w => w.Weight);
        return weights.Select(w => new NeedGuess(w.Key, w.Value.Weight / total, w.Value.Reasons))
            .OrderByDescending(g => g.Probability).ThenBy(g => Array.IndexOf(Needs, g.Action)).ToList();
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
