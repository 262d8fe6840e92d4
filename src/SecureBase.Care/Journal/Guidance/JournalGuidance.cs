namespace SecureBase.Care.Journal;

/// <summary>
/// The optional "guidance" section of a journal document: the household's rule book, its desire decisions and its
/// sleep-training plans and nights (docs/journal-format.md). Absent when the household has none of them.
/// </summary>
public sealed class JournalGuidance
{
    public List<JournalHouseholdRule> Rules { get; set; } = [];
    public List<JournalDesireDecision> DesireDecisions { get; set; } = [];
    public List<JournalSleepTrainingPlan> SleepTrainingPlans { get; set; } = [];
    public List<JournalSleepTrainingNight> SleepTrainingNights { get; set; } = [];

    /// <summary>True when every list is empty (the writer then leaves the section out).</summary>
    public bool IsEmpty => Rules.Count == 0 && DesireDecisions.Count == 0 && SleepTrainingPlans.Count == 0 && SleepTrainingNights.Count == 0;
}

/// <summary>A rule of the household's rule book, and who agreed to it when.</summary>
public sealed record JournalHouseholdRule(Guid Id, string Text, DateTimeOffset CreatedAt, Guid CreatedBy, List<JournalRuleAgreement> Agreements);

/// <summary>A caregiver's agreement, with the name they agreed under.</summary>
public sealed record JournalRuleAgreement(Guid CaregiverId, string Name, DateTimeOffset At);

/// <summary>A decision about one of a child's desires: the answers to the rule, every vote, the outcome and its date.</summary>
public sealed record JournalDesireDecision(
    Guid Id, Guid ChildId, DesireKind Kind, string? Description, DateTimeOffset OpenedAt, Guid OpenedBy,
    bool? Feasible, bool DuringFrustration, bool ReactionToRule, DesireOutcome Outcome, DateTimeOffset? DecidedAt,
    List<JournalDesireVote> Votes);

/// <summary>One caregiver's vote; "agrees" false is a no, and one no means no.</summary>
public sealed record JournalDesireVote(Guid CaregiverId, bool Agrees, DateTimeOffset At);

/// <summary>A graduated check-in plan for a child: for each night, the waits in whole minutes (1–60).</summary>
public sealed record JournalSleepTrainingPlan(Guid Id, Guid ChildId, DateTimeOffset CreatedAt, List<List<int>> WaitMinutes);

/// <summary>One night of a plan: the bedtime checklist, what happened (in order) and the cry episodes heard during it.</summary>
public sealed record JournalSleepTrainingNight(
    Guid Id, Guid PlanId, int NightNumber, JournalBedtimeChecklist Checklist, List<JournalNightEvent> Events, List<Guid> CryEpisodeIds);

/// <summary>The needs checked before the night started.</summary>
public sealed record JournalBedtimeChecklist(bool Fed, bool EnoughTimeTogetherToday, bool EmotionalNeedsMet, bool Tired, bool Bathed);

/// <summary>Something that happened during a night; <c>note</c> carries a pause's reason.</summary>
public sealed record JournalNightEvent(NightEventKind Kind, DateTimeOffset At, string? Note = null);
