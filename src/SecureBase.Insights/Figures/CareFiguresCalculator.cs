namespace SecureBase.Insights;

/// <summary>Turns a group of cries into promptness, accuracy and alignment figures.</summary>
internal static class CareFiguresCalculator
{
    public static readonly PromptnessFigures NoPromptness = new(null, null, null, null);
    public static readonly AccuracyFigures NoAccuracy = new(null, null);
    public static readonly AlignmentFigures NoAlignment = new(null, null, null, null, null, null, null);

    public static CareFigures Compute(string name, Guid? caregiverId, IReadOnlyList<CryFacts> cries, InsightsOptions options)
    {
        var answered = cries.Where(c => c.Answer is not null).ToList();
        if (answered.Count < options.MinResponses)
        {
            var reason = cries.Count == 0
                ? "No cries were logged in this period."
                : $"{Words.Count(answered.Count, "cry was", "cries were")} answered in this period; at least {options.MinResponses} {(options.MinResponses == 1 ? "is" : "are")} needed.";
            // The longest wait is still a true figure when cries went unanswered.
            var promptness = cries.Count == 0 ? NoPromptness : NoPromptness with { LongestUnansweredSeconds = cries.Max(c => c.WaitSeconds) };
            return new CareFigures(name, caregiverId, cries.Count, answered.Count, promptness, NoAccuracy, NoAlignment, reason);
        }

        var latencies = answered.Select(c => c.LatencySeconds!.Value).ToList();
        var fussingKnown = cries.Where(c => c.AnsweredWhileFussing is not null).ToList();
        var withActions = answered.Where(c => c.FirstActionResolved is not null).ToList();
        var settles = answered.Where(c => c.SettleSecondsAfterArrival is not null).Select(c => c.SettleSecondsAfterArrival!.Value).ToList();
        var withState = answered.Where(c => c.Answer!.State is not null).ToList();

        return new CareFigures(
            name,
            caregiverId,
            cries.Count,
            answered.Count,
            new PromptnessFigures(
                Stats.Median(latencies),
                Stats.Percentile(latencies, 0.9),
                Stats.Share(fussingKnown.Count(c => c.AnsweredWhileFussing == true), fussingKnown.Count),
                cries.Max(c => c.WaitSeconds)),
            new AccuracyFigures(
                Stats.Share(withActions.Count(c => c.FirstActionResolved == true), withActions.Count),
                Stats.Median(settles)),
            new AlignmentFigures(
                Stats.Share(answered.Count(c => c.Answer!.Talked), answered.Count),
                Stats.Share(answered.Count(c => c.Answer!.EyeContact), answered.Count),
                Stats.Share(answered.Count(c => c.Answer!.Warm), answered.Count),
                Stats.Share(withState.Count(c => c.Answer!.State == Care.Journal.CaregiverState.Calm), withState.Count),
                Stats.Share(answered.Count(c => c.Answer! is { Talked: true, EyeContact: true, Warm: true }), answered.Count),
                Stats.Share(withState.Count(c => c.Uneasy), withState.Count),
                Stats.Share(answered.Count(c => c.Answer! is { Talked: false, EyeContact: false, Warm: false }), answered.Count)),
            null);
    }
}
