namespace SecureBase.Insights;

/// <summary>The three 0–100 scores, each a transparent formula of figures shown beside it.</summary>
internal static class ScoreCalculator
{
    public static InsightScores Compute(
        CareFigures household, ContinuityFigures continuity, IReadOnlyList<GroupComparison> comparisons, InsightsOptions options) =>
        Combine(Alignment(household), Balance(comparisons, options), Continuity(continuity, options));

    private static InsightScores Combine(Score alignment, Score balance, Score continuity) =>
        new(alignment.Value, balance.Value, continuity.Value, new ScoreExplanations(alignment.Explain(), balance.Explain(), continuity.Explain()));

    private static Score Alignment(CareFigures household)
    {
        const string Formula = "Alignment = 100 × the average of the shares of answers with talking, with eye contact, with a warm tone, and with a calm caregiver";
        var a = household.Alignment;
        var parts = new[] { a.TalkedShare, a.EyeContactShare, a.WarmShare, a.CalmShare }.Where(p => p is not null).Select(p => p!.Value).ToList();
        if (household.NotEnoughData is not null || parts.Count == 0)
            return new Score(null, Formula + ".", household.NotEnoughData ?? "No answers were logged.");
        var value = To100(parts.Average());
        return new Score(value, $"{Formula}: talked {Words.Percent(a.TalkedShare)}, eye contact {Words.Percent(a.EyeContactShare)}, "
            + $"warm {Words.Percent(a.WarmShare)}, calm {Words.Percent(a.CalmShare)} → {value}.", null);
    }

    private static Score Balance(IReadOnlyList<GroupComparison> comparisons, InsightsOptions options)
    {
        const string Formula = "Balance = 100 × (1 − the largest difference between two caregivers, two times of day, or busy and free moments); "
            + "a difference is the average of the gaps in share answered while fussing, in attuned share, and in median wait (a gap of {0} or more counts as a full gap)";
        var formula = string.Format(System.Globalization.CultureInfo.InvariantCulture, Formula, Words.Duration(options.LatencySpreadSeconds));
        if (comparisons.Count == 0)
        {
            return new Score(null, formula + ".",
                $"Nothing to compare yet: it needs two caregivers, two times of day or busy and free moments with at least {options.MinResponsesToCompare} answered cries each.");
        }
        var widest = comparisons[0];
        var value = To100(1 - widest.Difference);
        return new Score(value, $"{formula}. The largest difference, {Words.Percent(widest.Difference)}, is between {widest.First.Name} "
            + $"({Summary(widest.First)}) and {widest.Second.Name} ({Summary(widest.Second)}) → {value}.", null);
    }

    private static Score Continuity(ContinuityFigures c, InsightsOptions options)
    {
        var formula = "Continuity = 100 × the average of: the share of feed gaps within the interval, connection moments a day against a target of "
            + $"{Words.Number(options.TargetConnectionMomentsPerDay)} (capped at 100%), and the share of cries answered by the {options.PrimaryCaregiverCount} most frequent caregivers";
        if (c.NotEnoughData is not null) return new Score(null, formula + ".", c.NotEnoughData);
        var connection = c.ConnectionMomentsPerDay is { } perDay ? Math.Min(1, perDay / options.TargetConnectionMomentsPerDay) : (double?)null;
        var parts = new[] { c.FeedsWithinIntervalShare, connection, c.PrimaryCaregiverShare }.Where(p => p is not null).Select(p => p!.Value).ToList();
        if (parts.Count == 0) return new Score(null, formula + ".", "No feeds, connection moments or answered cries were logged.");
        var value = To100(parts.Average());
        return new Score(value, $"{formula}: feeds within the interval {Words.Percent(c.FeedsWithinIntervalShare)}, "
            + $"connection {Words.Number(c.ConnectionMomentsPerDay ?? 0)} a day ({Words.Percent(connection)} of the target), "
            + $"usual caregivers {Words.Percent(c.PrimaryCaregiverShare)} → {value}.", null);
    }

    internal static string Summary(CareFigures f) =>
        $"median wait {Words.Duration(f.Promptness.MedianLatencySeconds)}, {Words.Percent(f.Promptness.AnsweredWhileFussingShare)} reached while still fussing, "
        + $"{Words.Percent(f.Alignment.AttunedShare)} attuned, {Words.Count(f.Answered, "answered cry", "answered cries")}";

    private static int To100(double share) => (int)Math.Round(Math.Clamp(share, 0, 1) * 100, MidpointRounding.AwayFromZero);
}
