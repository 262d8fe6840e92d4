using SecureBase.Insights;
using Spectre.Console;

namespace SecureBase.Cli.Insights;

/// <summary>The insights as tables for people: figures per group, scores with their formulas, patterns with evidence.</summary>
internal static class InsightsTable
{
    public static void Write(InsightsResult result, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 140;

        console.WriteLine($"Insights for {result.ChildName}, {result.From:yyyy-MM-dd HH:mm} to {result.To:yyyy-MM-dd HH:mm} ({result.TimeZone}): "
            + $"{result.Cries} cries, {result.Answered} answered.");
        if (result.NotEnoughData is { } reason) console.WriteLine($"Not enough data: {reason}");

        var figures = new Table().Title("Figures").AddColumns("group", "answered", "median wait", "p90 wait", "while fussing",
            "longest unanswered", "first try resolved", "settle after arrival", "attuned", "calm");
        foreach (var group in new[] { Household(result) }.Concat(result.ByCaregiver).Concat(result.ByTimeOfDay).Concat(result.BySituation))
        {
            figures.AddRow(
                Markup.Escape(group.Name), $"{group.Answered}/{group.Cries}",
                Words.Duration(group.Promptness.MedianLatencySeconds), Words.Duration(group.Promptness.P90LatencySeconds),
                Words.Percent(group.Promptness.AnsweredWhileFussingShare), Words.Duration(group.Promptness.LongestUnansweredSeconds),
                Words.Percent(group.Accuracy.FirstActionResolvedShare), Words.Duration(group.Accuracy.MedianSettleSecondsAfterArrival),
                Words.Percent(group.Alignment.AttunedShare), Words.Percent(group.Alignment.CalmShare));
        }
        console.Write(figures);

        var c = result.Continuity;
        console.WriteLine(c.NotEnoughData is null
            ? $"Continuity: feeds within the interval (up to {Words.Number(c.FeedingIntervalMaxHours)} h) {Words.Percent(c.FeedsWithinIntervalShare)} of {c.FeedGapsCounted} gaps; "
              + $"{Words.Number(c.ConnectionMomentsPerDay ?? 0)} connection moments a day; {c.DistinctCaregivers} caregivers answered, usual ones {Words.Percent(c.PrimaryCaregiverShare)}."
            : $"Continuity: {c.NotEnoughData}");

        var need = result.LikelyNeed;
        console.WriteLine(need.NotEnoughData is null
            ? $"Likely need: the first guess was right for {Words.Percent(need.FirstGuessAccuracy)} of {need.GuessedCries} cries (the context rule alone: {Words.Percent(need.RuleFirstGuessAccuracy)}), after learning from {need.LearnedCries} logged outcomes."
            : $"Likely need: {need.NotEnoughData}");

        var scores = new Table().Title("Scores").AddColumns("score", "value", "how it is computed");
        AddScore(scores, "Alignment", result.Scores.Alignment, result.Scores.Explanations.Alignment);
        AddScore(scores, "Balance", result.Scores.Balance, result.Scores.Explanations.Balance);
        AddScore(scores, "Continuity", result.Scores.Continuity, result.Scores.Explanations.Continuity);
        console.Write(scores);

        if (result.Patterns.Count == 0)
        {
            console.WriteLine("Patterns: none seen in this period.");
            return;
        }
        var patterns = new Table().Title("Patterns").AddColumns("pattern", "what we saw", "a suggestion");
        foreach (var p in result.Patterns)
            patterns.AddRow(Markup.Escape($"{p.Id}: {p.Title}"), Markup.Escape(p.Evidence), Markup.Escape(p.Suggestion));
        console.Write(patterns);
    }

    private static CareFigures Household(InsightsResult r) =>
        new("household", null, r.Cries, r.Answered, r.Promptness, r.Accuracy, r.Alignment, r.NotEnoughData);

    private static void AddScore(Table table, string name, int? value, ScoreExplanation explanation) =>
        table.AddRow(name, value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "n/a",
            Markup.Escape(explanation.NotEnoughData is { } why ? $"{why} ({explanation.HowComputed})" : explanation.HowComputed));
}
