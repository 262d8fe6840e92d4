using SecureBase.Care.Journal;

namespace SecureBase.Storage.Guidance;

/// <summary>A rule of a household's rule book, with each caregiver's agreement (stored as one JSON column).</summary>
public sealed class RuleRecord
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedBy { get; set; }
    public List<AgreementRecord> Agreements { get; set; } = [];
}

/// <summary>"I agree": who, under which name, when.</summary>
public sealed class AgreementRecord
{
    public Guid CaregiverId { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>A desire decision as stored: the rule's answers, the votes, and the outcome with its date once decided.</summary>
public sealed class DesireDecisionRecord
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid ChildId { get; set; }
    public DesireKind Kind { get; set; }
    public string? Description { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public Guid OpenedBy { get; set; }
    public bool? Feasible { get; set; }
    public bool DuringFrustration { get; set; }
    public bool ReactionToRule { get; set; }
    public DesireOutcome Outcome { get; set; }
    /// <summary>When the outcome last changed to fulfil or not; null while pending.</summary>
    public DateTimeOffset? DecidedAt { get; set; }
    public List<VoteRecord> Votes { get; set; } = [];
}

public sealed class VoteRecord
{
    public Guid CaregiverId { get; set; }
    public bool Agrees { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>A child's graduated check-in plan. The schedule is one short text, "3,5,10;5,10,12;…" (minutes per night).</summary>
public sealed class SleepPlanRecord
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid ChildId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string Schedule { get; set; }
}

/// <summary>One night of a plan: the checklist, the events in order (the coach's state is replayed from them) and the cries heard.</summary>
public sealed class SleepNightRecord
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid PlanId { get; set; }
    public Guid ChildId { get; set; }
    public int NightNumber { get; set; }
    public bool Fed { get; set; }
    public bool EnoughTimeTogetherToday { get; set; }
    public bool EmotionalNeedsMet { get; set; }
    public bool Tired { get; set; }
    public bool Bathed { get; set; }
    /// <summary>When the child was put down (the first event), for ordering and "tonight" look-ups.</summary>
    public DateTimeOffset StartedAt { get; set; }
    /// <summary>Set once the night is over (asleep, paused or closed); null while it runs.</summary>
    public DateTimeOffset? EndedAt { get; set; }
    public List<NightEventRecord> Events { get; set; } = [];
    public List<Guid> CryEpisodeIds { get; set; } = [];
}

public sealed class NightEventRecord
{
    public NightEventKind Kind { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Note { get; set; }
}
