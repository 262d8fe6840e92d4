using Microsoft.EntityFrameworkCore;
using SecureBase.Care.Households;
using SecureBase.Care.Journal;
using SecureBase.Guidance.Desires;
using SecureBase.Storage.Journal;

namespace SecureBase.Storage.Guidance;

/// <summary>A vote as shown, with the caregiver's name.</summary>
public sealed record VoteView(Guid CaregiverId, string Name, bool Agrees, DateTimeOffset At);

/// <summary>A desire decision as every caregiver sees it: the rule's answers, the costs, the votes, the outcome and why.</summary>
public sealed record DesireView(
    Guid Id, Guid ChildId, DesireKind Kind, string? Description, DateTimeOffset OpenedAt, Guid OpenedBy,
    bool? Feasible, bool DuringFrustration, bool ReactionToRule, DesireOutcome Outcome, DateTimeOffset? DecidedAt,
    IReadOnlyList<string> Reasons, IReadOnlyList<string> Costs, IReadOnlyList<VoteView> Votes, IReadOnlyList<string> WaitingFor);

/// <summary>The answers to the rule: is it feasible, is the child crying out of frustration now, does it bend a household rule.</summary>
public sealed record DesireAnswers(bool? Feasible, bool DuringFrustration, bool ReactionToRule);

/// <summary>
/// Desire decisions: opened by a caregiver, answered and voted on by every caregiver with an account (viewers do not
/// vote), evaluated by <see cref="DesireDecision"/>; the outcome and its date are stored whenever they change.
/// </summary>
public sealed class DesireDecisions(SecureBaseDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<DesireView>> ListAsync(Guid householdId, CancellationToken cancellationToken = default)
    {
        var records = await db.DesireDecisions.AsNoTracking().Where(d => d.HouseholdId == householdId).OrderByDescending(d => d.OpenedAt).ThenBy(d => d.Id).ToListAsync(cancellationToken);
        var caregivers = await db.Caregivers.AsNoTracking().Where(c => c.HouseholdId == householdId).ToListAsync(cancellationToken);
        return records.Select(r => View(r, caregivers)).ToList();
    }

    public async Task<DesireView?> GetAsync(Guid householdId, Guid decisionId, CancellationToken cancellationToken = default)
    {
        var record = await db.DesireDecisions.AsNoTracking().FirstOrDefaultAsync(d => d.HouseholdId == householdId && d.Id == decisionId, cancellationToken);
        if (record is null) return null;
        var caregivers = await db.Caregivers.AsNoTracking().Where(c => c.HouseholdId == householdId).ToListAsync(cancellationToken);
        return View(record, caregivers);
    }

    /// <summary>Opens a decision. A custom desire needs the household's own words.</summary>
    public async Task<Outcome<DesireView>> OpenAsync(Guid householdId, Guid caregiverId, Guid childId, DesireKind kind, string? description, DesireAnswers answers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var errors = new List<ValidationError>();
        if (!Enum.IsDefined(kind)) errors.Add(new("kind", "Choose one of the desires listed, or describe your own."));
        if (kind == DesireKind.Custom && string.IsNullOrWhiteSpace(description)) errors.Add(new("description", "Describe the desire in a few words."));
        if (description is { Length: > 500 }) errors.Add(new("description", "Please keep it under 500 characters."));
        if (!await db.Children.AnyAsync(c => c.HouseholdId == householdId && c.Id == childId, cancellationToken)) errors.Add(new("childId", "There is no such child in this household."));
        if (errors.Count > 0) return Outcome<DesireView>.Invalid(errors);
        var record = new DesireDecisionRecord
        {
            Id = Guid.CreateVersion7(), HouseholdId = householdId, ChildId = childId, Kind = kind,
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            OpenedAt = JournalTimes.Normalize(time.GetUtcNow()), OpenedBy = caregiverId,
        };
        Apply(record, answers);
        db.DesireDecisions.Add(record);
        return await SaveAsync(householdId, record, cancellationToken);
    }

    /// <summary>Changes the answers to the rule (revisiting them is allowed at any time); the outcome follows.</summary>
    public async Task<Outcome<DesireView>> AnswerAsync(Guid householdId, Guid decisionId, DesireAnswers answers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var record = await FindAsync(householdId, decisionId, cancellationToken);
        if (record is null) return Outcome<DesireView>.NotFound("There is no such decision in this household.");
        Apply(record, answers);
        return await SaveAsync(householdId, record, cancellationToken);
    }

    /// <summary>Records (or changes) the caregiver's vote. One "no" means no.</summary>
    public async Task<Outcome<DesireView>> VoteAsync(Guid householdId, Guid decisionId, Guid caregiverId, bool agrees, CancellationToken cancellationToken = default)
    {
        var record = await FindAsync(householdId, decisionId, cancellationToken);
        if (record is null) return Outcome<DesireView>.NotFound("There is no such decision in this household.");
        var now = JournalTimes.Normalize(time.GetUtcNow());
        record.Votes = [.. record.Votes.Where(v => v.CaregiverId != caregiverId), new VoteRecord { CaregiverId = caregiverId, Agrees = agrees, At = now }];
        return await SaveAsync(householdId, record, cancellationToken);
    }

    /// <summary>Opens the decision again: the votes are cleared and everyone is asked anew (the answers stay, to be reviewed).</summary>
    public async Task<Outcome<DesireView>> RevisitAsync(Guid householdId, Guid decisionId, CancellationToken cancellationToken = default)
    {
        var record = await FindAsync(householdId, decisionId, cancellationToken);
        if (record is null) return Outcome<DesireView>.NotFound("There is no such decision in this household.");
        record.Votes = [];
        return await SaveAsync(householdId, record, cancellationToken);
    }

    private Task<DesireDecisionRecord?> FindAsync(Guid householdId, Guid decisionId, CancellationToken cancellationToken) =>
        db.DesireDecisions.FirstOrDefaultAsync(d => d.HouseholdId == householdId && d.Id == decisionId, cancellationToken);

    private static void Apply(DesireDecisionRecord record, DesireAnswers answers)
    {
        record.Feasible = answers.Feasible;
        record.DuringFrustration = answers.DuringFrustration;
        record.ReactionToRule = answers.ReactionToRule;
    }

    /// <summary>Re-evaluates the rule, dates an outcome that changed, saves, and returns the view.</summary>
    private async Task<Outcome<DesireView>> SaveAsync(Guid householdId, DesireDecisionRecord record, CancellationToken cancellationToken)
    {
        var caregivers = await db.Caregivers.AsNoTracking().Where(c => c.HouseholdId == householdId).ToListAsync(cancellationToken);
        var verdict = Decision(record).Evaluate(Voters(caregivers));
        if (verdict.Outcome != record.Outcome || (verdict.Outcome != DesireOutcome.Pending && record.DecidedAt is null))
        {
            record.Outcome = verdict.Outcome;
            record.DecidedAt = verdict.Outcome == DesireOutcome.Pending ? null : JournalTimes.Normalize(time.GetUtcNow());
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        return Outcome<DesireView>.Ok(View(record, caregivers));
    }

    /// <summary>Who votes: parents and caregivers with an account (a grandparent without one cannot tap a vote).</summary>
    private static List<Guid> Voters(IEnumerable<Caregiver> caregivers) =>
        caregivers.Where(c => c.Role != CaregiverRole.Viewer && c.UserId != null).Select(c => c.Id).ToList();

    private static DesireDecision Decision(DesireDecisionRecord record)
    {
        var decision = new DesireDecision
        {
            Id = record.Id, ChildId = record.ChildId, Kind = record.Kind, Description = record.Description, OpenedAt = record.OpenedAt,
            Feasible = record.Feasible, DuringFrustration = record.DuringFrustration, ReactionToRule = record.ReactionToRule,
        };
        foreach (var v in record.Votes) decision.Vote(v.CaregiverId, v.Agrees, v.At);
        return decision;
    }

    private static DesireView View(DesireDecisionRecord record, List<Caregiver> caregivers)
    {
        var voters = Voters(caregivers);
        var verdict = Decision(record).Evaluate(voters);
        string NameOf(Guid id) => caregivers.FirstOrDefault(c => c.Id == id)?.Name ?? "A former caregiver";
        return new DesireView(record.Id, record.ChildId, record.Kind, record.Description, record.OpenedAt, record.OpenedBy,
            record.Feasible, record.DuringFrustration, record.ReactionToRule, record.Outcome, record.DecidedAt,
            verdict.Reasons, DesireCosts.For(record.Kind).Select(c => c.Text).ToList(),
            record.Votes.OrderBy(v => v.At).Select(v => new VoteView(v.CaregiverId, NameOf(v.CaregiverId), v.Agrees, v.At)).ToList(),
            voters.Where(id => !record.Votes.Exists(v => v.CaregiverId == id)).Select(NameOf).ToList());
    }
}
