using SecureBase.Care.Journal;

namespace SecureBase.Insights.LikelyNeed;

/// <summary>
/// A simulated baby with hidden habits, for the offline evaluation of the likely-need learner. Each baby has its own
/// thresholds (when hunger starts within the feeding interval, how long it stays awake before tiring, how gassy it
/// is after feeds, how soon a diaper bothers it, whether evenings bring crying that only holding settles), so a rule
/// tuned to "most babies" is right only some of the time, and a learner can find the baby's own pattern.
/// </summary>
public sealed class SimulatedBaby
{
    private readonly Random _random;

    public SimulatedBaby(int seed)
    {
        _random = new Random(seed);
        AgeDays = _random.Next(30, 300);
        HungerAtShare = 0.5 + (_random.NextDouble() * 0.5);
        TiredAfterHours = 0.7 + (_random.NextDouble() * 2);
        Gassiness = _random.NextDouble() * 0.9;
        DiaperBothersAfterHours = 1 + (_random.NextDouble() * 3);
        EveningHolding = _random.NextDouble() < 0.5 ? _random.NextDouble() * 0.8 : 0;
    }

    public int AgeDays { get; }
    /// <summary>Hunger cries start at this share of the interval maximum.</summary>
    public double HungerAtShare { get; }
    public double TiredAfterHours { get; }
    /// <summary>Chance that a cry soon after a feed is wind.</summary>
    public double Gassiness { get; }
    public double DiaperBothersAfterHours { get; }
    /// <summary>Weight of evening crying that only holding settles (0 for most babies).</summary>
    public double EveningHolding { get; }

    /// <summary>Share of cries whose need is random, whatever the habits.</summary>
    public double Noise { get; init; } = 0.1;

    /// <summary>The next cry: a random moment of the baby's day and the action that truly resolves it.</summary>
    public (CryContext Context, CareAction Need) NextCry()
    {
        var interval = Households.FeedingIntervalFor(AgeDays);
        var sinceFeed = _random.NextDouble() * interval * 1.25;
        var awake = _random.NextDouble() * 3;
        var sinceDiaper = _random.NextDouble() * 4.5;
        var timeOfDay = (TimeOfDay)_random.Next(4);
        var context = new CryContext(sinceFeed, interval, awake, sinceDiaper, timeOfDay, AgeDays);

        if (_random.NextDouble() < Noise) return (context, ContextRule.Needs[_random.Next(ContextRule.Needs.Length)]);
        var weights = new Dictionary<CareAction, double> { [CareAction.HoldSoothe] = 0.3 };
        if (sinceFeed >= HungerAtShare * interval) weights[CareAction.Feed] = 3;
        if (sinceFeed < 0.75) weights[CareAction.Burp] = 4 * Gassiness;
        if (awake >= TiredAfterHours) weights[CareAction.HelpToSleep] = 2.5;
        if (sinceDiaper >= DiaperBothersAfterHours) weights[CareAction.Diaper] = 1.5;
        if (timeOfDay is TimeOfDay.Evening or TimeOfDay.Night) weights[CareAction.HoldSoothe] += 4 * EveningHolding;

        var pick = _random.NextDouble() * weights.Values.Sum();
        foreach (var (action, weight) in weights)
        {
            pick -= weight;
            if (pick <= 0) return (context, action);
        }
        return (context, CareAction.HoldSoothe);
    }

    private static class Households
    {
        public static double FeedingIntervalFor(int ageDays) => Care.Households.FeedingInterval.ForAgeInDays(ageDays).Max.TotalHours;
    }
}
