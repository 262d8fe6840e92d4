using Microsoft.EntityFrameworkCore;
using SecureBase.Care.Journal;
using SecureBase.Guidance.SleepTraining;
using SecureBase.Storage.Journal;

namespace SecureBase.Storage.Guidance;

/// <summary>A child's plan: the waits (minutes) for each night; the last night's waits repeat for later nights.</summary>
public sealed record SleepPlanView(Guid Id, Guid ChildId, DateTimeOffset CreatedAt, IReadOnlyList<IReadOnlyList<int>> WaitMinutes, bool IsDefault);

/// <summary>A night as the coach sees it now: the advice, the check-ins logged, the cries linked.</summary>
public sealed record NightView(
    Guid Id, Guid PlanId, Guid ChildId, int NightNumber, BedtimeChecklist Checklist, DateTimeOffset StartedAt, DateTimeOffset? EndedAt,
    NightPhase Phase, DateTimeOffset? GoInAt, string Advice, int Waking, IReadOnlyList<CheckInRecord> CheckIns, TimeSpan? TimeToFallAsleep,
    IReadOnlyList<JournalNightEvent> Events, IReadOnlyList<Guid> CryEpisodeIds);

/// <summary>
/// The sleep-training coach over storage. A night is kept as its events; the coach's state (<see cref="SleepTrainingNight"/>)
/// is rebuilt by replaying them at their own times, so a night survives restarts and is shared by every caregiver's phone.
/// </summary>
public sealed class SleepCoach(SecureBaseDbContext db, TimeProvider time)
{
    /// <summary>How far back a progress view looks: a week of nights.</summary>
    public const int ProgressNights = 7;

    private DateTimeOffset Now => JournalTimes.Normalize(time.GetUtcNow());

    /// <summary>The child's plan, or the default plan (not stored until edited or a night starts).</summary>
    public async Task<SleepPlanView?> GetPlanAsync(Guid householdId, Guid childId, CancellationToken cancellationToken = default)
    {
        if (!await db.Children.AnyAsync(c => c.HouseholdId == householdId && c.Id == childId, cancellationToken)) return null;
        var plan = await LatestPlanAsync(householdId, childId, cancellationToken);
        return plan is null ? new SleepPlanView(Guid.Empty, childId, Now, ToMinutes(CheckInPlan.Default), IsDefault: true) : View(plan);
    }

    /// <summary>Replaces the child's schedule (creating the plan if needed). Nights already logged keep their number.</summary>
    public async Task<Outcome<SleepPlanView>> SavePlanAsync(Guid householdId, Guid childId, IReadOnlyList<IReadOnlyList<int>>? waitMinutes, CancellationToken cancellationToken = default)
    {
        if (!await db.Children.AnyAsync(c => c.HouseholdId == householdId && c.Id == childId, cancellationToken))
            return Outcome<SleepPlanView>.NotFound("There is no such child in this household.");
        if (waitMinutes is null || waitMinutes.Count is 0 or > 30 || waitMinutes.Any(n => n is null || n.Count is 0 or > 20))
            return Outcome<SleepPlanView>.Invalid("waitMinutes", "Give 1 to 30 nights, each with 1 to 20 waits in minutes.");
        try
        {
            _ = CheckInPlan.FromMinutes([.. waitMinutes.Select(n => n.ToArray())]);
        }
        catch (ArgumentException e)
        {
            return Outcome<SleepPlanView>.Invalid("waitMinutes", e.Message.Split(" (Parameter", 2)[0]);
        }
        var plan = await db.SleepTrainingPlans.Where(p => p.HouseholdId == householdId && p.ChildId == childId).OrderByDescending(p => p.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            plan = new SleepPlanRecord { Id = Guid.CreateVersion7(), HouseholdId = householdId, ChildId = childId, CreatedAt = Now, Schedule = "" };
            db.SleepTrainingPlans.Add(plan);
        }
        plan.Schedule = Format(waitMinutes);
        await SaveAsync(cancellationToken);
        return Outcome<SleepPlanView>.Ok(View(plan));
    }

    /// <summary>Starts tonight: refused unless every need on the checklist is met, or while another night is running.</summary>
    public async Task<Outcome<NightView>> StartNightAsync(Guid householdId, Guid childId, BedtimeChecklist checklist, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checklist);
        if (!await db.Children.AnyAsync(c => c.HouseholdId == householdId && c.Id == childId, cancellationToken))
            return Outcome<NightView>.NotFound("There is no such child in this household.");
        if (!checklist.AllMet)
            return Outcome<NightView>.Invalid("checklist", $"Needs come first: before sleep training tonight, make sure of {string.Join(", ", checklist.Missing())}.");
        if (await db.SleepTrainingNights.AnyAsync(n => n.HouseholdId == householdId && n.ChildId == childId && n.EndedAt == null, cancellationToken))
            return Outcome<NightView>.Conflict("A night is already under way; finish it first.");
        var plan = await LatestPlanAsync(householdId, childId, cancellationToken);
        if (plan is null)
        {
            plan = new SleepPlanRecord { Id = Guid.CreateVersion7(), HouseholdId = householdId, ChildId = childId, CreatedAt = Now, Schedule = Format(ToMinutes(CheckInPlan.Default)) };
            db.SleepTrainingPlans.Add(plan);
        }
        var number = 1 + await db.SleepTrainingNights.CountAsync(n => n.PlanId == plan.Id, cancellationToken);
        var night = new SleepNightRecord
        {
            Id = Guid.CreateVersion7(), HouseholdId = householdId, PlanId = plan.Id, ChildId = childId, NightNumber = number,
            Fed = checklist.Fed, EnoughTimeTogetherToday = checklist.EnoughTimeTogetherToday, EmotionalNeedsMet = checklist.EmotionalNeedsMet,
            Tired = checklist.Tired, Bathed = checklist.Bathed, StartedAt = Now, Events = [new NightEventRecord { Kind = NightEventKind.PutDown, At = Now }],
        };
        db.SleepTrainingNights.Add(night);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two phones started the same night at once: the unique night number keeps one.
            db.ChangeTracker.Clear();
            return Outcome<NightView>.Conflict("A night was just started on another phone; open it from the coach.");
        }
        db.ChangeTracker.Clear();
        return Outcome<NightView>.Ok(View(night, PlanOf(plan)));
    }

    public async Task<NightView?> GetNightAsync(Guid householdId, Guid nightId, CancellationToken cancellationToken = default)
    {
        var night = await db.SleepTrainingNights.AsNoTracking().FirstOrDefaultAsync(n => n.HouseholdId == householdId && n.Id == nightId, cancellationToken);
        if (night is null) return null;
        var plan = await db.SleepTrainingPlans.AsNoTracking().FirstAsync(p => p.Id == night.PlanId, cancellationToken);
        return View(night, PlanOf(plan));
    }

    /// <summary>The running night of a child, if any.</summary>
    public async Task<NightView?> RunningNightAsync(Guid householdId, Guid childId, CancellationToken cancellationToken = default)
    {
        var id = await db.SleepTrainingNights.AsNoTracking().Where(n => n.HouseholdId == householdId && n.ChildId == childId && n.EndedAt == null)
            .Select(n => (Guid?)n.Id).FirstOrDefaultAsync(cancellationToken);
        return id is { } nightId ? await GetNightAsync(householdId, nightId, cancellationToken) : null;
    }

    /// <summary>
    /// Applies what happened now (crying, stopped, a check-in done, asleep, paused, or the night ended in the morning),
    /// logging it at the server's time. An event that makes no sense at this point of the night is refused, with the coach's words.
    /// </summary>
    public async Task<Outcome<NightView>> RecordAsync(Guid householdId, Guid nightId, NightAction action, string? reason, CancellationToken cancellationToken = default)
    {
        var night = await db.SleepTrainingNights.FirstOrDefaultAsync(n => n.HouseholdId == householdId && n.Id == nightId, cancellationToken);
        if (night is null) return Outcome<NightView>.NotFound("There is no such night in this household.");
        if (night.EndedAt is not null) return Outcome<NightView>.Conflict("This night is over.");
        if (!Enum.IsDefined(action)) return Outcome<NightView>.Invalid("action", "Use cryStarted, cryStopped, checkIn, fellAsleep, pause or end.");
        if (reason is { Length: > 500 }) return Outcome<NightView>.Invalid("reason", "Please keep it under 500 characters.");
        var plan = PlanOf(await db.SleepTrainingPlans.AsNoTracking().FirstAsync(p => p.Id == night.PlanId, cancellationToken));
        var now = Now;
        if (action == NightAction.End)
        {
            night.Events = [.. night.Events, new NightEventRecord { Kind = NightEventKind.Ended, At = now }];
            night.EndedAt = now;
        }
        else
        {
            var (coach, clock) = Replay(night, plan);
            clock.Now = now;
            var kind = action switch
            {
                NightAction.CryStarted => NightEventKind.CryStarted,
                NightAction.CryStopped => NightEventKind.CryStopped,
                NightAction.CheckIn => NightEventKind.CheckIn,
                NightAction.FellAsleep => NightEventKind.FellAsleep,
                _ => NightEventKind.Paused,
            };
            var note = kind == NightEventKind.Paused ? (string.IsNullOrWhiteSpace(reason) ? "paused" : reason.Trim()) : null;
            try
            {
                Apply(coach, kind, note, ChecklistOf(night));
            }
            catch (InvalidOperationException e)
            {
                return Outcome<NightView>.Conflict(e.Message);
            }
            night.Events = [.. night.Events, new NightEventRecord { Kind = kind, At = now, Note = note }];
            if (kind == NightEventKind.Paused) night.EndedAt = now;
        }
        night.CryEpisodeIds = await CriesDuringAsync(night, now, cancellationToken);
        await SaveAsync(cancellationToken);
        return Outcome<NightView>.Ok(View(night, plan));
    }

    /// <summary>The last week of nights of the child's plan: time to fall asleep and check-ins per night.</summary>
    public async Task<SleepTrainingProgress?> ProgressAsync(Guid householdId, Guid childId, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (!await db.Children.AnyAsync(c => c.HouseholdId == householdId && c.Id == childId, cancellationToken)) return null;
        var plan = await LatestPlanAsync(householdId, childId, cancellationToken);
        if (plan is null) return SleepTrainingProgress.From([]);
        var nights = await db.SleepTrainingNights.AsNoTracking().Where(n => n.PlanId == plan.Id)
            .OrderByDescending(n => n.NightNumber).Take(ProgressNights).ToListAsync(cancellationToken);
        var checkInPlan = PlanOf(plan);
        return SleepTrainingProgress.From(nights.Select(n =>
        {
            var view = View(n, checkInPlan);
            return new NightSummary(n.NightNumber, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(n.StartedAt, zone).DateTime), view.TimeToFallAsleep, view.CheckIns.Count, view.Phase == NightPhase.Paused);
        }));
    }

    private async Task<List<Guid>> CriesDuringAsync(SleepNightRecord night, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var start = night.StartedAt;
        var end = night.EndedAt ?? now;
        return await db.Entries.AsNoTracking().OfType<CryEpisodeEntry>()
            .Where(e => e.HouseholdId == night.HouseholdId && e.ChildId == night.ChildId && e.StartedAt >= start && e.StartedAt <= end)
            .OrderBy(e => e.StartedAt).Select(e => e.Id).Take(500).ToListAsync(cancellationToken);
    }

    private Task<SleepPlanRecord?> LatestPlanAsync(Guid householdId, Guid childId, CancellationToken cancellationToken) =>
        db.SleepTrainingPlans.AsNoTracking().Where(p => p.HouseholdId == householdId && p.ChildId == childId).OrderByDescending(p => p.CreatedAt).FirstOrDefaultAsync(cancellationToken);

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private NightView View(SleepNightRecord night, CheckInPlan plan)
    {
        var (coach, clock) = Replay(night, plan);
        clock.Now = night.EndedAt ?? Now;
        var advice = coach.Advice();
        var text = night.EndedAt is not null && coach.Phase is not NightPhase.Paused ? "This night is over. Rest well." : advice.Text;
        return new NightView(night.Id, night.PlanId, night.ChildId, night.NightNumber, ChecklistOf(night), night.StartedAt, night.EndedAt,
            coach.Phase, night.EndedAt is null ? advice.GoInAt : null, text, coach.Waking, coach.CheckIns, coach.TimeToFallAsleep,
            night.Events.Select(e => new JournalNightEvent(e.Kind, e.At, e.Note)).ToList(), night.CryEpisodeIds);
    }

    /// <summary>Rebuilds the coach by replaying the stored events at their own times.</summary>
    internal static (SleepTrainingNight Coach, ReplayClock Clock) Replay(SleepNightRecord night, CheckInPlan plan)
    {
        var clock = new ReplayClock();
        var coach = new SleepTrainingNight(night.NightNumber, plan, clock);
        var checklist = ChecklistOf(night);
        foreach (var e in night.Events)
        {
            clock.Now = e.At;
            try
            {
                Apply(coach, e.Kind, e.Note, checklist);
            }
            catch (InvalidOperationException)
            {
                // An imported night may hold an event the coach would not have allowed; the rest still replays.
            }
        }
        return (coach, clock);
    }

    private static void Apply(SleepTrainingNight coach, NightEventKind kind, string? note, BedtimeChecklist checklist)
    {
        switch (kind)
        {
            case NightEventKind.PutDown: coach.Start(checklist); break;
            case NightEventKind.CryStarted: coach.CryStarted(); break;
            case NightEventKind.CryStopped: coach.CryStopped(); break;
            case NightEventKind.CheckIn: coach.CheckInDone(); break;
            case NightEventKind.FellAsleep: coach.FellAsleep(); break;
            case NightEventKind.Paused: coach.Pause(note ?? "paused"); break;
            default: break; // Ended: the coach has nothing more to say
        }
    }

    internal static BedtimeChecklist ChecklistOf(SleepNightRecord n) => new(n.Fed, n.EnoughTimeTogetherToday, n.EmotionalNeedsMet, n.Tired, n.Bathed);

    internal static CheckInPlan PlanOf(SleepPlanRecord plan) => CheckInPlan.FromMinutes([.. Parse(plan.Schedule).Select(n => n.ToArray())]);

    private static SleepPlanView View(SleepPlanRecord plan) => new(plan.Id, plan.ChildId, plan.CreatedAt, Parse(plan.Schedule), IsDefault: false);

    internal static IReadOnlyList<IReadOnlyList<int>> ToMinutes(CheckInPlan plan) =>
        plan.Nights.Select(n => (IReadOnlyList<int>)n.Select(w => (int)w.TotalMinutes).ToList()).ToList();

    /// <summary>"3,5,10;5,10,12": nights separated by semicolons, waits by commas.</summary>
    internal static string Format(IEnumerable<IEnumerable<int>> waits) =>
        string.Join(';', waits.Select(n => string.Join(',', n.Select(m => m.ToString(System.Globalization.CultureInfo.InvariantCulture)))));

    internal static IReadOnlyList<IReadOnlyList<int>> Parse(string schedule) =>
        schedule.Split(';').Select(n => (IReadOnlyList<int>)n.Split(',').Select(m => int.Parse(m, System.Globalization.CultureInfo.InvariantCulture)).ToList()).ToList();

    /// <summary>A clock set to each event's time while replaying.</summary>
    internal sealed class ReplayClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}

/// <summary>What a caregiver reports during a night.</summary>
public enum NightAction { CryStarted, CryStopped, CheckIn, FellAsleep, Pause, End }
