using SecureBase.Care.Journal;
using SecureBase.Guidance.Feeding;

namespace SecureBase.Guidance.Needs;

/// <summary>A possible reason for a cry, how strongly the context points to it (0–1), and why.</summary>
public sealed record NeedGuess(CareAction Action, string Need, double Weight, IReadOnlyList<string> Reasons);

/// <summary>
/// The context rule behind the "likely need" on an alert: time since the last feed against the feeding interval
/// for the age, time awake against a typical wake window, time since the last diaper, and the time of day.
/// It ranks guesses and always shows its reasons; acoustics alone cannot name the reason, so none is used here.
/// </summary>
public static class LikelyNeed
{
    /// <summary>Guesses, most likely first. Comfort and closeness is always among them: it is never wrong to offer.</summary>
    public static IReadOnlyList<NeedGuess> Rank(NeedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var guesses = new List<NeedGuess>();
        var feed = FeedRhythm.Evaluate(context.Child, context.LastFeedStart, context.Now);
        var feedWeight = feed.State switch
        {
            FeedState.Overdue => 0.9,
            FeedState.Due => 0.5 + (0.3 * Position(feed, context.Now)),
            FeedState.NotYetDue => 0.1,
            _ => 0.3,
        };
        guesses.Add(new NeedGuess(CareAction.Feed, "hungry", feedWeight, [feed.Reason]));

        var ageDays = context.Now.UtcDateTime.Date.Subtract(context.Child.BirthDate.ToDateTime(TimeOnly.MinValue)).TotalDays;
        var window = WakeWindow(ageDays);
        if (context.AwakeSince is { } awake)
        {
            var awakeFor = context.Now - awake;
            var tiredWeight = Math.Clamp(awakeFor / window, 0, 1.2) * 0.7;
            guesses.Add(new NeedGuess(CareAction.HelpToSleep, "tired", tiredWeight,
                [$"awake for {Durations.Format(awakeFor)}, usual stretch about {Durations.Format(window)}"]));
        }
        else if (IsNight(context.LocalTime))
        {
            guesses.Add(new NeedGuess(CareAction.HelpToSleep, "tired", 0.4, ["it is night-time"]));
        }

        if (context.LastDiaper is { } diaper)
        {
            var since = context.Now - diaper;
            var weight = since > TimeSpan.FromHours(3) ? 0.6 : since > TimeSpan.FromHours(2) ? 0.35 : 0.1;
            guesses.Add(new NeedGuess(CareAction.Diaper, "a fresh diaper", weight, [$"diaper changed {Durations.Format(since)} ago"]));
        }
        else
        {
            guesses.Add(new NeedGuess(CareAction.Diaper, "a fresh diaper", 0.3, ["no diaper change logged"]));
        }

        guesses.Add(new NeedGuess(CareAction.HoldSoothe, "comfort and closeness", 0.25, ["every cry is also a call for closeness"]));
        return guesses.OrderByDescending(g => g.Weight).ToList();
    }

    /// <summary>A one-line summary for an alert: "likely hungry · fed 2 h 50 m ago, due by 3 h".</summary>
    public static string Summarize(IReadOnlyList<NeedGuess> ranked)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        if (ranked.Count == 0) return "";
        var top = ranked[0];
        return $"likely {top.Need} · {string.Join(" · ", top.Reasons)}";
    }

    /// <summary>How far into the usual feeding window the child is: 0 as it opens, 1 as it closes.</summary>
    private static double Position(FeedRhythm feed, DateTimeOffset now) =>
        feed.DueFrom is { } from && feed.DueBy is { } by && by > from
            ? Math.Clamp((now - from) / (by - from), 0, 1)
            : 0;

    /// <summary>Typical time a baby can stay awake comfortably, by age.</summary>
    private static TimeSpan WakeWindow(double ageDays) => ageDays switch
    {
        < 30 => TimeSpan.FromMinutes(60),
        < 90 => TimeSpan.FromMinutes(90),
        < 180 => TimeSpan.FromMinutes(120),
        < 365 => TimeSpan.FromMinutes(180),
        _ => TimeSpan.FromMinutes(300),
    };

    private static bool IsNight(TimeOnly time) => time >= new TimeOnly(21, 0) || time < new TimeOnly(6, 0);
}
