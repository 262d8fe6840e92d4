namespace SecureBase.Guidance.SleepTraining;

/// <summary>Where a sleep-training night stands.</summary>
public enum NightPhase { NotStarted, Settling, WaitingToCheckIn, CheckInDue, Asleep, Paused }

/// <summary>What the coach says now.</summary>
/// <param name="Phase">The phase of the night.</param>
/// <param name="GoInAt">When to go in (while waiting or due).</param>
/// <param name="WaitRemaining">How long until then; zero when due.</param>
/// <param name="Text">The advice in plain words.</param>
public sealed record CoachAdvice(NightPhase Phase, DateTimeOffset? GoInAt, TimeSpan? WaitRemaining, string Text);

/// <summary>A check-in the coach logged: when, and which one of the current waking it was (1-based).</summary>
public sealed record CheckInRecord(DateTimeOffset At, int Number, int Waking);

/// <summary>
/// One night of graduated check-ins. After the bedtime checklist, the child is put down awake; if they cry,
/// the coach counts down the plan's wait, says when to go in (reassure briefly, a kiss, back to bed, leave), and
/// starts a longer wait if the crying goes on. A later waking in the same night starts again from the night's
/// first wait. Check-ins are logged as they are confirmed. Times come from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class SleepTrainingNight
{
    private readonly TimeProvider _time;
    private readonly List<CheckInRecord> _checkIns = [];
    private int _checkInsThisWaking;

    public SleepTrainingNight(int nightNumber, CheckInPlan plan, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nightNumber, 1);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(time);
        NightNumber = nightNumber;
        Plan = plan;
        _time = time;
    }

    public int NightNumber { get; }
    public CheckInPlan Plan { get; }
    public NightPhase Phase { get; private set; } = NightPhase.NotStarted;
    public DateTimeOffset? PutDownAt { get; private set; }
    public DateTimeOffset? FellAsleepAt { get; private set; }
    /// <summary>When the current crying started, while the child is crying.</summary>
    public DateTimeOffset? CryingSince { get; private set; }
    /// <summary>When the current wait ends.</summary>
    public DateTimeOffset? GoInAt { get; private set; }
    /// <summary>1 for the first settling of the night, 2 for the first later waking, …</summary>
    public int Waking { get; private set; }
    public string? PauseReason { get; private set; }
    public IReadOnlyList<CheckInRecord> CheckIns => _checkIns;

    /// <summary>Time from being put down to falling asleep the first time, once known.</summary>
    public TimeSpan? TimeToFallAsleep => FellAsleepAt is { } asleep && PutDownAt is { } down ? asleep - down : null;

    /// <summary>Starts the night. Refused unless every need on the checklist is met.</summary>
    public void Start(BedtimeChecklist checklist)
    {
        ArgumentNullException.ThrowIfNull(checklist);
        Require(NightPhase.NotStarted);
        if (!checklist.AllMet)
            throw new InvalidOperationException($"Needs come first: before sleep training tonight, make sure of {string.Join(", ", checklist.Missing())}.");
        PutDownAt = _time.GetUtcNow();
        Phase = NightPhase.Settling;
        Waking = 1;
    }

    /// <summary>The child started crying (heard by the monitor or tapped by a caregiver).</summary>
    public void CryStarted()
    {
        Refresh();
        if (Phase is NightPhase.WaitingToCheckIn or NightPhase.CheckInDue) return;
        if (Phase == NightPhase.Asleep)
        {
            Waking++;
            _checkInsThisWaking = 0;
        }
        else
        {
            Require(NightPhase.Settling);
        }
        CryingSince = _time.GetUtcNow();
        Phase = NightPhase.WaitingToCheckIn;
        GoInAt = CryingSince + Plan.WaitBefore(NightNumber, _checkInsThisWaking + 1);
    }

    /// <summary>The crying stopped before the check-in: no need to go in.</summary>
    public void CryStopped()
    {
        Refresh();
        if (Phase is not (NightPhase.WaitingToCheckIn or NightPhase.CheckInDue)) return;
        CryingSince = null;
        GoInAt = null;
        Phase = NightPhase.Settling;
    }

    /// <summary>A caregiver went in, reassured briefly and left; the crying goes on, so a longer wait starts.</summary>
    public void CheckInDone()
    {
        Refresh();
        if (Phase is not (NightPhase.WaitingToCheckIn or NightPhase.CheckInDue))
            throw new InvalidOperationException("There is no check-in to make right now.");
        var now = _time.GetUtcNow();
        _checkInsThisWaking++;
        _checkIns.Add(new CheckInRecord(now, _checkInsThisWaking, Waking));
        Phase = NightPhase.WaitingToCheckIn;
        GoInAt = now + Plan.WaitBefore(NightNumber, _checkInsThisWaking + 1);
    }

    /// <summary>The child fell asleep.</summary>
    public void FellAsleep()
    {
        Refresh();
        if (Phase is NightPhase.NotStarted or NightPhase.Paused or NightPhase.Asleep)
            throw new InvalidOperationException("The night is not in progress.");
        FellAsleepAt ??= _time.GetUtcNow();
        CryingSince = null;
        GoInAt = null;
        Phase = NightPhase.Asleep;
    }

    /// <summary>Stops the training for tonight, e.g. the child seems unwell: needs come first.</summary>
    public void Pause(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        PauseReason = reason;
        GoInAt = null;
        Phase = NightPhase.Paused;
    }

    /// <summary>What to do now.</summary>
    public CoachAdvice Advice()
    {
        Refresh();
        var now = _time.GetUtcNow();
        return Phase switch
        {
            NightPhase.NotStarted => new(Phase, null, null, "Go through the bedtime checklist first."),
            NightPhase.Settling => new(Phase, null, null, "Put them down drowsy but awake, say good night warmly, and leave the room."),
            NightPhase.WaitingToCheckIn => new(Phase, GoInAt, GoInAt - now,
                $"Wait {Durations.Format(GoInAt!.Value - now)} more. If the crying goes on, go in then."),
            NightPhase.CheckInDue => new(Phase, GoInAt, TimeSpan.Zero,
                "Go in now: let them know you are there, a kiss, back into bed, and leave after a minute or two. Keep the light low."),
            NightPhase.Asleep => new(Phase, null, null, "Asleep. Well done, both of you."),
            _ => new(Phase, null, null, $"Paused for tonight ({PauseReason}). If the baby seems unwell, comfort first and consider asking a pediatrician; try again another night."),
        };
    }

    private void Refresh()
    {
        if (Phase == NightPhase.WaitingToCheckIn && GoInAt is { } at && _time.GetUtcNow() >= at) Phase = NightPhase.CheckInDue;
    }

    private void Require(NightPhase phase)
    {
        if (Phase != phase) throw new InvalidOperationException($"This cannot be done while the night is {Phase}.");
    }
}
