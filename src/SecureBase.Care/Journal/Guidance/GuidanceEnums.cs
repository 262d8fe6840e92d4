namespace SecureBase.Care.Journal;

/// <summary>The desires the product knows about; a household may also describe its own.</summary>
public enum DesireKind
{
    RideBeforeSleep,
    SleepInParentsBed,
    RefuseFoodInHighChair,
    FallAsleepInFrontOfTv,
    CarriedAllTheTime,
    Biting,
    Custom,
}

/// <summary>Outcome of a desire decision.</summary>
public enum DesireOutcome
{
    /// <summary>Some caregivers have not voted yet, or feasibility is not settled.</summary>
    Pending,
    /// <summary>Feasible, every caregiver agreed, and not a reaction to frustration or to a rule.</summary>
    Fulfil,
    /// <summary>Not fulfilled: the reasons say why.</summary>
    DoNotFulfil,
}

/// <summary>What happened during a sleep-training night, in the order the coach heard it.</summary>
public enum NightEventKind
{
    /// <summary>Put down awake after the bedtime checklist.</summary>
    PutDown,
    CryStarted,
    CryStopped,
    /// <summary>A caregiver went in, reassured briefly and left.</summary>
    CheckIn,
    FellAsleep,
    /// <summary>Training stopped for the night (the note says why, e.g. the child seems unwell).</summary>
    Paused,
    /// <summary>The night is over (morning); nothing more is logged in it.</summary>
    Ended,
}
