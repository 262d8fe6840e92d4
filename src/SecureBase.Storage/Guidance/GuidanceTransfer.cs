using Microsoft.EntityFrameworkCore;
using SecureBase.Care.Journal;
using SecureBase.Care.Journal.Format;
using SecureBase.Storage.Journal;

namespace SecureBase.Storage.Guidance;

/// <summary>The guidance rows an import will add, checked and ready.</summary>
public sealed record GuidanceImport(
    IReadOnlyList<RuleRecord> Rules, IReadOnlyList<DesireDecisionRecord> Decisions, IReadOnlyList<SleepPlanRecord> Plans, IReadOnlyList<SleepNightRecord> Nights)
{
    public static GuidanceImport Empty { get; } = new([], [], [], []);
}

/// <summary>
/// Moves the guidance section of the journal format (rules, desire decisions, sleep-training plans and nights) in and
/// out of storage, for <see cref="JournalTransfer"/>. Ids and times are kept, so an export imported into an empty
/// instance exports the same section again; items whose id the household already has are left as they are.
/// </summary>
public sealed class GuidanceTransfer(SecureBaseDbContext db)
{
    /// <summary>The household's guidance, or null when it has none (the section is then left out of the document).</summary>
    public async Task<JournalGuidance?> ExportAsync(Guid householdId, CancellationToken cancellationToken = default)
    {
        var rules = await db.HouseholdRules.AsNoTracking().Where(r => r.HouseholdId == householdId).ToListAsync(cancellationToken);
        var decisions = await db.DesireDecisions.AsNoTracking().Where(d => d.HouseholdId == householdId).ToListAsync(cancellationToken);
        var plans = await db.SleepTrainingPlans.AsNoTracking().Where(p => p.HouseholdId == householdId).ToListAsync(cancellationToken);
        var nights = await db.SleepTrainingNights.AsNoTracking().Where(n => n.HouseholdId == householdId).ToListAsync(cancellationToken);
        var guidance = new JournalGuidance
        {
            Rules = [.. rules.OrderBy(r => r.Id).Select(r => new JournalHouseholdRule(r.Id, r.Text, r.CreatedAt, r.CreatedBy,
                [.. r.Agreements.Select(a => new JournalRuleAgreement(a.CaregiverId, a.Name, a.At))]))],
            DesireDecisions = [.. decisions.OrderBy(d => d.Id).Select(d => new JournalDesireDecision(d.Id, d.ChildId, d.Kind, d.Description, d.OpenedAt, d.OpenedBy,
                d.Feasible, d.DuringFrustration, d.ReactionToRule, d.Outcome, d.DecidedAt, [.. d.Votes.Select(v => new JournalDesireVote(v.CaregiverId, v.Agrees, v.At))]))],
            SleepTrainingPlans = [.. plans.OrderBy(p => p.Id).Select(p => new JournalSleepTrainingPlan(p.Id, p.ChildId, p.CreatedAt,
                [.. SleepCoach.Parse(p.Schedule).Select(n => n.ToList())]))],
            SleepTrainingNights = [.. nights.OrderBy(n => n.PlanId).ThenBy(n => n.NightNumber).Select(n => new JournalSleepTrainingNight(n.Id, n.PlanId, n.NightNumber,
                new JournalBedtimeChecklist(n.Fed, n.EnoughTimeTogetherToday, n.EmotionalNeedsMet, n.Tired, n.Bathed),
                [.. n.Events.Select(e => new JournalNightEvent(e.Kind, e.At, e.Note))], [.. n.CryEpisodeIds]))],
        };
        return guidance.IsEmpty ? null : guidance;
    }

    /// <summary>
    /// Checks the section against the household (children, caregivers and entries it will have after the import) and
    /// returns the rows to add. Ids used by another household are refused without saying whose.
    /// </summary>
    public async Task<Outcome<GuidanceImport>> PrepareAsync(Guid householdId, JournalGuidance? guidance, IReadOnlySet<Guid> children, IReadOnlySet<Guid> caregivers,
        IReadOnlySet<Guid> entries, CancellationToken cancellationToken = default)
    {
        if (guidance is null) return Outcome<GuidanceImport>.Ok(GuidanceImport.Empty);
        var errors = GuidanceChecks.Validate(guidance, children, caregivers, entries);
        if (errors.Count > 0) return Outcome<GuidanceImport>.Invalid(errors);

        var ruleIds = guidance.Rules.Select(r => r.Id).ToList();
        var decisionIds = guidance.DesireDecisions.Select(d => d.Id).ToList();
        var planIds = guidance.SleepTrainingPlans.Select(p => p.Id).ToList();
        var nightIds = guidance.SleepTrainingNights.Select(n => n.Id).ToList();
        var existingRules = await ExistingAsync(db.HouseholdRules, ruleIds, r => r.Id, r => r.HouseholdId, householdId, cancellationToken);
        var existingDecisions = await ExistingAsync(db.DesireDecisions, decisionIds, d => d.Id, d => d.HouseholdId, householdId, cancellationToken);
        var existingPlans = await ExistingAsync(db.SleepTrainingPlans, planIds, p => p.Id, p => p.HouseholdId, householdId, cancellationToken);
        var existingNights = await ExistingAsync(db.SleepTrainingNights, nightIds, n => n.Id, n => n.HouseholdId, householdId, cancellationToken);
        if (existingRules is null || existingDecisions is null || existingPlans is null || existingNights is null)
            return Outcome<GuidanceImport>.Conflict("Some guidance ids in this file belong to another household. Nothing was imported.");

        var planChild = guidance.SleepTrainingPlans.ToDictionary(p => p.Id, p => p.ChildId);
        static DateTimeOffset T(DateTimeOffset t) => JournalTimes.Normalize(t);
        return Outcome<GuidanceImport>.Ok(new GuidanceImport(
            [.. guidance.Rules.Where(r => !existingRules.Contains(r.Id)).Select(r => new RuleRecord
            {
                Id = r.Id, HouseholdId = householdId, Text = r.Text, CreatedAt = T(r.CreatedAt), CreatedBy = r.CreatedBy,
                Agreements = [.. r.Agreements.Select(a => new AgreementRecord { CaregiverId = a.CaregiverId, Name = a.Name, At = T(a.At) })],
            })],
            [.. guidance.DesireDecisions.Where(d => !existingDecisions.Contains(d.Id)).Select(d => new DesireDecisionRecord
            {
                Id = d.Id, HouseholdId = householdId, ChildId = d.ChildId, Kind = d.Kind, Description = d.Description, OpenedAt = T(d.OpenedAt), OpenedBy = d.OpenedBy,
                Feasible = d.Feasible, DuringFrustration = d.DuringFrustration, ReactionToRule = d.ReactionToRule, Outcome = d.Outcome,
                DecidedAt = JournalTimes.Normalize(d.DecidedAt),
                Votes = [.. d.Votes.Select(v => new VoteRecord { CaregiverId = v.CaregiverId, Agrees = v.Agrees, At = T(v.At) })],
            })],
            [.. guidance.SleepTrainingPlans.Where(p => !existingPlans.Contains(p.Id)).Select(p => new SleepPlanRecord
            {
                Id = p.Id, HouseholdId = householdId, ChildId = p.ChildId, CreatedAt = T(p.CreatedAt), Schedule = SleepCoach.Format(p.WaitMinutes),
            })],
            [.. guidance.SleepTrainingNights.Where(n => !existingNights.Contains(n.Id)).Select(n => new SleepNightRecord
            {
                Id = n.Id, HouseholdId = householdId, PlanId = n.PlanId, ChildId = planChild[n.PlanId], NightNumber = n.NightNumber,
                Fed = n.Checklist.Fed, EnoughTimeTogetherToday = n.Checklist.EnoughTimeTogetherToday, EmotionalNeedsMet = n.Checklist.EmotionalNeedsMet,
                Tired = n.Checklist.Tired, Bathed = n.Checklist.Bathed,
                StartedAt = T(n.Events[0].At), EndedAt = Ended(n),
                Events = [.. n.Events.Select(e => new NightEventRecord { Kind = e.Kind, At = T(e.At), Note = e.Note })],
                CryEpisodeIds = [.. n.CryEpisodeIds],
            })]));
    }

    /// <summary>Adds prepared rows to the context; the caller saves them in its transaction.</summary>
    public void Add(GuidanceImport import)
    {
        ArgumentNullException.ThrowIfNull(import);
        db.HouseholdRules.AddRange(import.Rules);
        db.DesireDecisions.AddRange(import.Decisions);
        db.SleepTrainingPlans.AddRange(import.Plans);
        db.SleepTrainingNights.AddRange(import.Nights);
    }

    /// <summary>A night ends with its pause or its "ended" event; without one it is still under way.</summary>
    private static DateTimeOffset? Ended(JournalSleepTrainingNight night) =>
        night.Events[^1].Kind is NightEventKind.Paused or NightEventKind.Ended ? JournalTimes.Normalize(night.Events[^1].At) : null;

    /// <summary>The ids this household already has, or null when one of them belongs to another household.</summary>
    private static async Task<HashSet<Guid>?> ExistingAsync<T>(IQueryable<T> set, List<Guid> ids, System.Linq.Expressions.Expression<Func<T, Guid>> id,
        Func<T, Guid> household, Guid householdId, CancellationToken cancellationToken) where T : class
    {
        var found = new HashSet<Guid>();
        foreach (var chunk in ids.Chunk(500))
        {
            var parameter = id.Parameters[0];
            var contains = System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(
                System.Linq.Expressions.Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(Guid)], System.Linq.Expressions.Expression.Constant(chunk), id.Body), parameter);
            foreach (var row in await set.AsNoTracking().Where(contains).ToListAsync(cancellationToken))
            {
                if (household(row) != householdId) return null;
                found.Add(id.Compile()(row));
            }
        }
        return found;
    }
}
