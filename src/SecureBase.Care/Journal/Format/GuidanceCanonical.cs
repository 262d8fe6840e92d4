namespace SecureBase.Care.Journal.Format;

/// <summary>The guidance section in canonical order: every list by id, nights by plan and number; lists inside items keep their order.</summary>
internal static class GuidanceCanonical
{
    public static JournalGuidance? Of(JournalGuidance? guidance)
    {
        if (guidance is null || guidance.IsEmpty) return null;
        return new JournalGuidance
        {
            Rules = [.. guidance.Rules.OrderBy(r => r.Id)],
            DesireDecisions = [.. guidance.DesireDecisions.OrderBy(d => d.Id)],
            SleepTrainingPlans = [.. guidance.SleepTrainingPlans.OrderBy(p => p.Id)],
            SleepTrainingNights = [.. guidance.SleepTrainingNights.OrderBy(n => n.PlanId).ThenBy(n => n.NightNumber).ThenBy(n => n.Id)],
        };
    }
}
