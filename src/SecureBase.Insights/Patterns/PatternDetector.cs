using SecureBase.Care.Journal;

namespace SecureBase.Insights;

/// <summary>
/// Finds the patterns of SPEC F in the figures. Each rule is documented in docs/insights.md; the wording describes
/// answers and situations, never the family, and never diagnoses.
/// </summary>
internal static class PatternDetector
{
    public static List<Pattern> Detect(
        string child,
        IReadOnlyList<CareFigures> byCaregiver,
        IReadOnlyList<GroupComparison> caregiverComparisons,
        IReadOnlyList<GroupComparison> situationComparisons,
        IReadOnlyList<StateReports> stateReports,
        InsightsOptions options)
    {
        var patterns = new List<Pattern>();
        foreach (var caregiver in byCaregiver.Where(c => c.NotEnoughData is null))
        {
            if (PromptAttuned(child, caregiver, options) is { } good) patterns.Add(good);
            if (Delayed(child, caregiver, options) is { } delayed) patterns.Add(delayed);
            if (Anxious(child, caregiver, options) is { } anxious) patterns.Add(anxious);
        }
        if (caregiverComparisons.Count > 0 && caregiverComparisons[0].Difference >= options.InconsistencyThreshold)
            patterns.Add(InconsistentCaregivers(child, caregiverComparisons[0]));
        if (situationComparisons.Count > 0 && situationComparisons[0].Difference >= options.InconsistencyThreshold)
            patterns.Add(InconsistentSituations(child, situationComparisons[0]));
        foreach (var reports in stateReports)
        {
            if (Distress(reports, options) is { } distress) patterns.Add(distress);
        }
        return patterns;
    }

    private static Pattern? PromptAttuned(string child, CareFigures f, InsightsOptions o)
    {
        if (f.Promptness.MedianLatencySeconds is not { } median || median > o.PromptLatencySeconds) return null;
        if (f.Promptness.AnsweredWhileFussingShare is not { } fussing || fussing < o.GoodFussingShare) return null;
        if (f.Alignment.AttunedShare is not { } attuned || attuned < o.GoodAttunedShare) return null;
        if (f.Alignment.UneasyShare is { } uneasy && uneasy >= o.UneasyShare) return null;
        var accuracy = f.Accuracy.FirstActionResolvedShare is { } first ? $" The first thing tried met the need {Words.Percent(first)} of the time." : "";
        return new Pattern(PatternIds.PromptAttuned, PatternTone.Encouraging, "Prompt and attuned answers", f.Name,
            $"{f.Name} reached {child} after a median {Words.Duration(median)}, {Words.Percent(fussing)} of the time while {child} was still fussing, "
            + $"and talked, made eye contact and was warm in {Words.Percent(attuned)} of {Words.Count(f.Answered, "answer", "answers")}.{accuracy}",
            $"Keep going at the first whine and talking to {child} as you work out what is needed: answers like these teach {child} that a signal is heard, "
            + "which is the ground a secure base is built on.");
    }

    private static Pattern? Delayed(string child, CareFigures f, InsightsOptions o)
    {
        var evidence = new List<string>();
        if (f.Promptness.MedianLatencySeconds is { } median && median > o.DelayedLatencySeconds)
            evidence.Add($"the median wait before someone arrived was {Words.Duration(median)} (the longest {Words.Duration(f.Promptness.LongestUnansweredSeconds)})");
        if (f.Promptness.AnsweredWhileFussingShare is { } fussing && fussing < o.LowFussingShare)
            evidence.Add($"{Words.Percent(fussing)} of the cries were reached while {child} was still fussing; the others had already grown into crying");
        if (f.Alignment.UnattunedShare is { } cold && cold >= o.UnattunedShare)
            evidence.Add($"in {Words.Percent(cold)} of the answers there was no talking, eye contact or warm tone");
        if (evidence.Count == 0) return null;
        return new Pattern(PatternIds.Delayed, PatternTone.WorthALook, "Answers that came late or without words", f.Name,
            $"Over {Words.Count(f.Answered, "answer", "answers")} by {f.Name}: {string.Join("; ", evidence)}.",
            $"Try going at the first whine, even if all you can say is \"I hear you, I'm coming\": whining answered early seldom turns into screaming. "
            + $"When you reach {child}, say a few words and look at {child} before changing or feeding; check the journal for the last feed before guessing. "
            + "If something often keeps you from going (the phone, work, another child), agree with the others who is on call at those times.");
    }

    private static Pattern? Anxious(string child, CareFigures f, InsightsOptions o)
    {
        if (f.Answered < o.MinRepeatedReports) return null;
        if (f.Alignment.UneasyShare is not { } uneasy || uneasy < o.UneasyShare) return null;
        if (f.Accuracy.MedianSettleSecondsAfterArrival is not { } settle || settle < o.LongSettleSeconds) return null;
        // A slow answer is the delayed pattern's matter; this one is about prompt answers given under strain.
        if (f.Promptness.MedianLatencySeconds is not { } median || median > o.DelayedLatencySeconds) return null;
        var firstTry = f.Accuracy.FirstActionResolvedShare is { } first ? $"; the first thing tried settled it {Words.Percent(first)} of the time" : "";
        return new Pattern(PatternIds.Anxious, PatternTone.WorthALook, "Quick answers under strain, long settling", f.Name,
            $"{f.Name} reached {child} quickly (median {Words.Duration(median)}), but felt stressed, anxious or overwhelmed in {Words.Percent(uneasy)} "
            + $"of {Words.Count(f.Answered, "answer", "answers")}, and {child} took a median {Words.Duration(settle)} to settle after {f.Name} arrived{firstTry}.",
            $"Babies pick up the tension around them, and a calm presence often helps them settle sooner. Before going in, take one slow breath; "
            + $"hold {child} close and keep your voice low and slow. Check the journal before guessing (when was the last feed, the last sleep) and try one thing at a time. "
            + "Long crying spells that come back every day are worth mentioning to your pediatrician, and it helps to take turns with another adult on the hardest evenings.");
    }

    private static Pattern InconsistentCaregivers(string child, GroupComparison pair) =>
        new(PatternIds.InconsistentCaregivers, PatternTone.WorthALook, "Different answers from different caregivers", null,
            $"{pair.First.Name}: {ScoreCalculator.Summary(pair.First)}. {pair.Second.Name}: {ScoreCalculator.Summary(pair.Second)}. "
            + $"The difference is {Words.Percent(pair.Difference)}.",
            $"{child} learns what to expect from each person. Sit down together and agree on one way of answering: go at the first whine, "
            + $"talk to {child} and make eye contact, and check the journal for the last feed before guessing. "
            + "Look at the evenings that went well together, and use the journal as a handover so everyone can follow the same steps.");

    private static Pattern InconsistentSituations(string child, GroupComparison pair)
    {
        var busyFree = pair.First.Name is "busy" or "free";
        var suggestion = busyFree
            ? $"Busy moments will happen. A quick \"I hear you, I'm coming\" and going within a minute or two keeps the answer the same as on free days. "
              + $"Plan for the usual busy times: put the phone face down, ask someone else to be on call while you cook or work, or keep {child} close in a carrier."
            : $"Agree who is on call at the harder times of day and keep what is needed (a bottle, a fresh diaper, a night light) within reach, "
              + $"so {child} is answered the same way whatever the hour.";
        return new Pattern(PatternIds.InconsistentSituations, PatternTone.WorthALook,
            busyFree ? "Different answers when busy and when free" : "Different answers at different times of day", null,
            $"{Capital(pair.First.Name)}: {ScoreCalculator.Summary(pair.First)}. {Capital(pair.Second.Name)}: {ScoreCalculator.Summary(pair.Second)}. "
            + $"The difference is {Words.Percent(pair.Difference)}.",
            suggestion);
    }

    private static Pattern? Distress(StateReports reports, InsightsOptions o)
    {
        var distressing = reports.Distressing;
        if (distressing < o.MinRepeatedReports || reports.States.Count == 0) return null;
        var share = (double)distressing / reports.States.Count;
        if (share < o.DistressShare) return null;
        var felt = string.Join(", ", reports.States.Where(StateReports.IsDistressing).GroupBy(s => s)
            .OrderByDescending(g => g.Count()).Select(g => $"{Name(g.Key)} {Words.Count(g.Count(), "time", "times")}"));
        return new Pattern(PatternIds.CaregiverDistress, PatternTone.WorthALook, "A caregiver carrying a lot", reports.Name,
            $"{reports.Name} logged feeling {felt}, out of {Words.Count(reports.States.Count, "report", "reports")} of how they felt in this period ({Words.Percent(share)}).",
            "Caring for a crying baby is hard, and the person doing it deserves support too. Ask someone you trust to take some evenings or nights, "
            + "rest when another adult is there, and talk to your doctor, health visitor or a parents' helpline about how you are feeling. "
            + "If it ever feels too much, put the baby down safely in the cot and step out for a few minutes to breathe.");
    }

    private static string Name(CaregiverState state) => state.ToString().ToLowerInvariant();

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
