using SecureBase.Care.Journal;

namespace SecureBase.Insights;

/// <summary>The facts of one cry that every figure is built from; computed once per cry.</summary>
/// <param name="Cry">The cry episode.</param>
/// <param name="SettleSecondsAfterArrival">First arrival to settled, seconds.</param>
/// <param name="TimeOfDay">Part of the local day of the onset.</param>
/// <param name="Answer">The first response with an arrival time: the answer the child experienced.</param>
/// <param name="LatencySeconds">Onset to the answer's arrival.</param>
/// <param name="AnsweredWhileFussing">Null when the cry did not begin as fussing or its escalation time is unknown.</param>
/// <param name="FirstActionResolved">Null when unanswered or no action was logged.</param>
/// <param name="WaitSeconds">How long the cry went without anyone arriving.</param>
/// <param name="Busy">Whether the answering caregiver was busy; null when unanswered.</param>
internal readonly record struct CryFacts(
    CryEpisodeEntry Cry,
    CryResponse? Answer,
    double? LatencySeconds,
    bool? AnsweredWhileFussing,
    bool? FirstActionResolved,
    double? SettleSecondsAfterArrival,
    double WaitSeconds,
    TimeOfDay TimeOfDay,
    bool? Busy)
{
    public static CryFacts Of(CryEpisodeEntry cry, DateTimeOffset now, TimeZoneInfo zone, InsightsOptions options)
    {
        CryResponse? answer = null;
        foreach (var response in cry.Responses)
        {
            if (response.ArrivedAt is { } arrived && (answer is null || arrived < answer.ArrivedAt!.Value)) answer = response;
        }
        var onset = cry.StartedAt;
        double? latency = answer is null ? null : Math.Max(0, (answer.ArrivedAt!.Value - onset).TotalSeconds);
        var wait = latency ?? Math.Max(0, ((cry.SettledAt ?? cry.EndedAt ?? now) - onset).TotalSeconds);
        double? settle = answer is not null && cry.SettledAt is { } settledAt ? Math.Max(0, (settledAt - answer.ArrivedAt!.Value).TotalSeconds) : null;
        return new CryFacts(
            cry,
            answer,
            latency,
            WhileFussing(cry, answer),
            answer is null || answer.Actions.Count == 0 ? null : answer.ResolvedBy == answer.Actions[0].Action,
            settle,
            wait,
            TimeOfDayBuckets.Of(onset, zone, options),
            answer is null ? null : !string.IsNullOrWhiteSpace(answer.BusyWith));
    }

    private static bool? WhileFussing(CryEpisodeEntry cry, CryResponse? answer)
    {
        DateTimeOffset? escalatedAt;
        if (cry.Stages.Count == 0)
        {
            // A hand-logged cry without a timeline: only a cry that never went past fussing is known.
            if (cry.PeakStage != CryStage.Fussing) return null;
            escalatedAt = null;
        }
        else
        {
            if (cry.Stages[0].Stage != CryStage.Fussing) return null;
            escalatedAt = cry.Stages.Find(s => s.Stage > CryStage.Fussing)?.At;
        }
        if (answer is null) return false;
        return escalatedAt is not { } escalated || answer.ArrivedAt!.Value < escalated;
    }

    public bool Uneasy => Answer?.State is CaregiverState.Stressed or CaregiverState.Anxious or CaregiverState.Overwhelmed
        or CaregiverState.Frightened or CaregiverState.Angry;
}
