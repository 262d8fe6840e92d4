using Microsoft.EntityFrameworkCore;
using SecureBase.Care.Households;
using SecureBase.Guidance.Rules;
using SecureBase.Storage.Journal;

namespace SecureBase.Storage.Guidance;

/// <summary>A rule as shown: its agreements, whether every caregiver has agreed, and how many entries were marked against it.</summary>
public sealed record RuleView(Guid Id, string Text, DateTimeOffset CreatedAt, Guid CreatedBy, IReadOnlyList<RuleAgreement> Agreements, bool AgreedByAll, IReadOnlyList<string> WaitingFor, int EntriesAgainst);

/// <summary>The household's short rule book. Callers have checked the caregiver may write.</summary>
public sealed class RuleBook(SecureBaseDbContext db, TimeProvider time)
{
    /// <summary>Most rules a household keeps: a rule book is meant to stay short.</summary>
    public const int MaxRules = 50;

    public async Task<IReadOnlyList<RuleView>> ListAsync(Guid householdId, CancellationToken cancellationToken = default)
    {
        var rules = await db.HouseholdRules.AsNoTracking().Where(r => r.HouseholdId == householdId).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var counts = await db.Entries.AsNoTracking().Where(e => e.HouseholdId == householdId && e.AgainstRuleId != null)
            .GroupBy(e => e.AgainstRuleId).Select(g => new { RuleId = g.Key!.Value, Count = g.Count() }).ToDictionaryAsync(g => g.RuleId, g => g.Count, cancellationToken);
        var voters = await VotersAsync(householdId, cancellationToken);
        return rules.Select(r => View(r, voters, counts.GetValueOrDefault(r.Id))).ToList();
    }

    public async Task<RuleView?> GetAsync(Guid householdId, Guid ruleId, CancellationToken cancellationToken = default) =>
        (await ListAsync(householdId, cancellationToken)).FirstOrDefault(r => r.Id == ruleId);

    /// <summary>Adds a rule; whoever writes it agrees to it at once.</summary>
    public async Task<Outcome<RuleView>> AddAsync(Guid householdId, Caregiver author, string? text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(author);
        if (ValidateText(text) is { } invalid) return invalid;
        if (await db.HouseholdRules.CountAsync(r => r.HouseholdId == householdId, cancellationToken) >= MaxRules)
            return Outcome<RuleView>.Conflict($"The rule book already holds {MaxRules} rules; a short rule book is easier to keep.");
        var now = JournalTimes.Normalize(time.GetUtcNow());
        var rule = new RuleRecord
        {
            Id = Guid.CreateVersion7(), HouseholdId = householdId, Text = text!.Trim(), CreatedAt = now, CreatedBy = author.Id,
            Agreements = [new AgreementRecord { CaregiverId = author.Id, Name = author.Name, At = now }],
        };
        db.HouseholdRules.Add(rule);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return Outcome<RuleView>.Ok((await GetAsync(householdId, rule.Id, cancellationToken))!);
    }

    /// <summary>Records the caregiver's agreement (name and date); agreeing again keeps the first date.</summary>
    public async Task<Outcome<RuleView>> AgreeAsync(Guid householdId, Guid ruleId, Caregiver caregiver, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caregiver);
        var rule = await db.HouseholdRules.FirstOrDefaultAsync(r => r.HouseholdId == householdId && r.Id == ruleId, cancellationToken);
        if (rule is null) return Outcome<RuleView>.NotFound("There is no such rule in this household.");
        if (!rule.Agreements.Exists(a => a.CaregiverId == caregiver.Id))
        {
            rule.Agreements = [.. rule.Agreements, new AgreementRecord { CaregiverId = caregiver.Id, Name = caregiver.Name, At = JournalTimes.Normalize(time.GetUtcNow()) }];
            await db.SaveChangesAsync(cancellationToken);
        }
        db.ChangeTracker.Clear();
        return Outcome<RuleView>.Ok((await GetAsync(householdId, ruleId, cancellationToken))!);
    }

    /// <summary>
    /// Rewords a rule. Everyone agreed to the old words, not the new ones, so the agreements start again with the
    /// caregiver who rewrote it; the same words again change nothing. Entries marked against it stay marked.
    /// </summary>
    public async Task<Outcome<RuleView>> RewordAsync(Guid householdId, Guid ruleId, Caregiver author, string? text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(author);
        if (ValidateText(text) is { } invalid) return invalid;
        var rule = await db.HouseholdRules.FirstOrDefaultAsync(r => r.HouseholdId == householdId && r.Id == ruleId, cancellationToken);
        if (rule is null) return Outcome<RuleView>.NotFound("There is no such rule in this household.");
        if (!string.Equals(rule.Text, text!.Trim(), StringComparison.Ordinal))
        {
            rule.Text = text.Trim();
            rule.Agreements = [new AgreementRecord { CaregiverId = author.Id, Name = author.Name, At = JournalTimes.Normalize(time.GetUtcNow()) }];
            await db.SaveChangesAsync(cancellationToken);
        }
        db.ChangeTracker.Clear();
        return Outcome<RuleView>.Ok((await GetAsync(householdId, ruleId, cancellationToken))!);
    }

    /// <summary>
    /// Takes a rule out of the book. A rule entries were marked against stays, so those marks keep their meaning in the
    /// journal and the insights; the household can reword it instead.
    /// </summary>
    public async Task<Outcome<Guid>> RemoveAsync(Guid householdId, Guid ruleId, CancellationToken cancellationToken = default)
    {
        var rule = await db.HouseholdRules.FirstOrDefaultAsync(r => r.HouseholdId == householdId && r.Id == ruleId, cancellationToken);
        if (rule is null) return Outcome<Guid>.NotFound("There is no such rule in this household.");
        var marked = await db.Entries.CountAsync(e => e.HouseholdId == householdId && e.AgainstRuleId == ruleId, cancellationToken);
        if (marked > 0)
        {
            db.ChangeTracker.Clear();
            return Outcome<Guid>.Conflict(marked == 1
                ? "One journal entry is marked against this rule, so it stays in the book to keep that entry's meaning. You can reword it instead."
                : $"{marked} journal entries are marked against this rule, so it stays in the book to keep their meaning. You can reword it instead.");
        }
        db.HouseholdRules.Remove(rule);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return Outcome<Guid>.Ok(ruleId);
    }

    private static Outcome<RuleView>? ValidateText(string? text) =>
        string.IsNullOrWhiteSpace(text) ? Outcome<RuleView>.Invalid("text", "Write the rule in a few words, e.g. \"We don't carry her to sleep\".")
        : text.Trim().Length > 500 ? Outcome<RuleView>.Invalid("text", "Please keep a rule under 500 characters.")
        : null;

    /// <summary>Whether the household has this rule (an entry may only be marked against one of its own).</summary>
    public Task<bool> ExistsAsync(Guid householdId, Guid ruleId, CancellationToken cancellationToken = default) =>
        db.HouseholdRules.AnyAsync(r => r.HouseholdId == householdId && r.Id == ruleId, cancellationToken);

    private async Task<List<Caregiver>> VotersAsync(Guid householdId, CancellationToken cancellationToken) =>
        await db.Caregivers.AsNoTracking().Where(c => c.HouseholdId == householdId && c.Role != CaregiverRole.Viewer && c.UserId != null).ToListAsync(cancellationToken);

    private static RuleView View(RuleRecord record, List<Caregiver> voters, int entriesAgainst)
    {
        var rule = new HouseholdRule(record.Id, record.Text, record.CreatedAt);
        foreach (var a in record.Agreements) rule.Agree(a.CaregiverId, a.Name, a.At);
        var waiting = voters.Where(v => !rule.Agreements.Any(a => a.CaregiverId == v.Id)).Select(v => v.Name).ToList();
        return new RuleView(rule.Id, rule.Text, rule.CreatedAt, record.CreatedBy, rule.Agreements, rule.IsAgreedByAll(voters.Select(v => v.Id)), waiting, entriesAgainst);
    }
}
