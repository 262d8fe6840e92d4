using SecureBase.Care.Journal;

namespace SecureBase.Care.Demo;

/// <summary>What a cry was about and who answered it.</summary>
/// <param name="Need">The action that will resolve it.</param>
/// <param name="Caregiver">Who answered.</param>
/// <param name="Style">How they tend to answer.</param>
/// <param name="BusyWith">What they were doing when it began, or null when free.</param>
/// <param name="Monitored">Heard by the nursery monitor (with acoustics) rather than logged by hand.</param>
internal sealed record CryPlan(CareAction Need, Guid Caregiver, ResponseStyle Style, string? BusyWith, bool Monitored);

/// <summary>A built episode, plus when its resolving action happened (a feed entry starts there).</summary>
internal sealed record BuiltCry(CryEpisodeEntry Entry, DateTimeOffset ResolvedAt, DateTimeOffset? RefusedFeedAt);

/// <summary>
/// Builds a cry episode the way it unfolds: whining that escalates while nobody comes (fussing, then crying after
/// 1–2.5 min, then intense a few minutes later), an answer with the caregiver's ordered actions and attunement,
/// and the settle. The timeline is planned from the onset, then placed so that it fits the day around it.
/// </summary>
internal sealed class DemoCryBuilder(DemoRandom random)
{
    private static readonly CareAction[] s_wrongGuesses = [CareAction.Diaper, CareAction.HoldSoothe, CareAction.Burp, CareAction.Play];

    /// <summary>Builds the episode so that its resolving action happens at <paramref name="resolveAt"/>.</summary>
    public BuiltCry ResolvingAt(CryPlan plan, DateTimeOffset resolveAt) => Build(plan, timeline => resolveAt - timeline.Resolve);

    /// <summary>Builds the episode so that the baby is settled at <paramref name="settledAt"/> (e.g. the start of a nap).</summary>
    public BuiltCry SettlingAt(CryPlan plan, DateTimeOffset settledAt) => Build(plan, timeline => settledAt - timeline.Settle);

    /// <summary>Builds the episode starting at <paramref name="onset"/>.</summary>
    public BuiltCry StartingAt(CryPlan plan, DateTimeOffset onset) => Build(plan, _ => onset);

    private sealed record Timeline(
        TimeSpan Ack, TimeSpan Arrive, List<(CareAction Action, TimeSpan At)> Actions,
        TimeSpan Resolve, TimeSpan Settle, List<(CryStage Stage, TimeSpan At)> Stages, TimeSpan? RefusedFeed);

    private BuiltCry Build(CryPlan plan, Func<Timeline, DateTimeOffset> onsetOf)
    {
        var timeline = PlanTimeline(plan);
        var onset = onsetOf(timeline);
        var style = plan.Style;
        var entry = new CryEpisodeEntry
        {
            StartedAt = onset,
            EndedAt = onset + timeline.Settle,
            SettledAt = onset + timeline.Settle,
            Source = plan.Monitored ? CrySource.Monitor : CrySource.Manual,
            Stages = timeline.Stages.ConvertAll(s => new CryStageChange { Stage = s.Stage, At = onset + s.At }),
            PeakStage = timeline.Stages.Max(s => s.Stage),
            Acoustics = plan.Monitored ? Acoustics() : null,
            LoggedBy = plan.Caregiver,
            DoneBy = plan.Caregiver,
            Responses =
            [
                new CryResponse
                {
                    CaregiverId = plan.Caregiver,
                    AcknowledgedAt = onset + timeline.Ack,
                    ArrivedAt = onset + timeline.Arrive,
                    Actions = timeline.Actions.ConvertAll(a => new CareActionTaken { Action = a.Action, At = onset + a.At }),
                    ResolvedBy = timeline.Actions[^1].Action,
                    Talked = random.Chance(style.Talk),
                    EyeContact = random.Chance(style.EyeContact),
                    Warm = random.Chance(style.Warm),
                    State = random.Weighted(style.States),
                    BusyWith = plan.BusyWith,
                },
            ],
        };
        if (style.Colic && random.Chance(0.5)) entry.Note = "Walked with her and massaged her belly until she settled.";
        return new BuiltCry(entry, onset + timeline.Resolve, timeline.RefusedFeed is { } refused ? onset + refused : null);
    }

    private Timeline PlanTimeline(CryPlan plan)
    {
        var style = plan.Style;
        var ack = random.Seconds(style.AckSeconds.Min, style.AckSeconds.Max);
        var arrive = ack + random.Seconds(style.ArriveSeconds.Min, style.ArriveSeconds.Max);
        var actions = new List<(CareAction, TimeSpan)>();
        var at = arrive + random.Seconds(15, 60);
        TimeSpan? refusedFeed = null;
        if (style.Colic)
        {
            // Tries a feed first although the last one was recent; it is refused, then walking and a belly massage help.
            actions.Add((CareAction.Feed, at));
            refusedFeed = at;
            at += random.Minutes(4, 8);
        }
        else if (!random.Chance(style.FirstGuessRight))
        {
            actions.Add((random.Pick(s_wrongGuesses.Where(a => a != plan.Need).ToList()), at));
            at += random.Minutes(3, 8);
        }
        var need = style.Colic ? CareAction.HoldSoothe : plan.Need;
        actions.Add((need, at));
        var resolve = at;
        var settle = resolve + random.Minutes(style.SettleMinutes.Min, style.SettleMinutes.Max);

        // The cry escalates while nobody is there, and on colicky evenings whatever is done.
        var stages = new List<(CryStage, TimeSpan)> { (CryStage.Fussing, TimeSpan.Zero) };
        var toCrying = random.Seconds(75, 150);
        var toIntense = toCrying + random.Seconds(150, 240);
        if (style.Colic)
        {
            toCrying = random.Seconds(60, 180);
            toIntense = random.Minutes(5, 9);
            stages.Add((CryStage.Crying, toCrying));
            if (toIntense < settle) stages.Add((CryStage.Intense, toIntense));
        }
        else
        {
            if (arrive > toCrying) stages.Add((CryStage.Crying, toCrying));
            else if (actions.Count > 1) stages.Add((CryStage.Crying, actions[0].Item2 + random.Seconds(60, 120)));
            if (arrive > toIntense) stages.Add((CryStage.Intense, toIntense));
        }
        stages.RemoveAll(s => s.Item2 >= settle);
        return new Timeline(ack, arrive, actions, resolve, settle, stages, refusedFeed);
    }

    /// <summary>Typical healthy-cry figures (mean f0 about 500 Hz, cry units about 1–1.5 s).</summary>
    private CryAcoustics Acoustics()
    {
        var mean = Math.Round(random.Between(430.0, 560.0));
        return new CryAcoustics
        {
            F0MeanHz = mean,
            F0MinHz = Math.Round(mean - random.Between(90, 160)),
            F0MaxHz = Math.Round(mean + random.Between(120, 260)),
            F0InitialHz = Math.Round(mean + random.Between(-40, 60)),
            UnitCount = random.Between(8, 60),
            UnitMeanSeconds = Math.Round(random.Between(0.9, 1.5), 2),
            PauseMeanSeconds = Math.Round(random.Between(0.3, 0.8), 2),
            RhythmIrregularity = Math.Round(random.Between(0.1, 0.35), 2),
            VoicedFraction = Math.Round(random.Between(0.6, 0.85), 2),
            LoudnessOverBackgroundDb = Math.Round(random.Between(15.0, 30.0), 1),
        };
    }
}
