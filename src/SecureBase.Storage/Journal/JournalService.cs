using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SecureBase.Care.Journal;
using SecureBase.Storage.Access;
using SecureBase.Storage.Audit;
using SecureBase.Storage.Model;

namespace SecureBase.Storage.Journal;

/// <summary>
/// Reads and writes one household's care journal: validates with <see cref="EntryValidator"/>, makes creates
/// idempotent by the client's id, and writes an audit record with every change in the same transaction.
/// Callers have already checked that the author may write to the household. Creates, the hot path, read nothing
/// from the database for a non-sleep entry (the household roster is cached) and are committed in groups by
/// <see cref="JournalGroupWriter"/>.
/// </summary>
public sealed class JournalService(SecureBaseDbContext db, TimeProvider time, AccessCache cache, JournalGroupWriter writes)
{
    private DateTimeOffset Now => JournalTimes.Normalize(time.GetUtcNow());

    public async Task<JournalEntry?> GetAsync(Guid householdId, Guid entryId, CancellationToken cancellationToken = default) =>
        await db.Entries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId && e.HouseholdId == householdId, cancellationToken);

    public async Task<EntryPage> ListAsync(Guid householdId, EntryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pageSize = Math.Clamp(query.PageSize, 1, EntryQuery.MaxPageSize);
        var page = Math.Max(query.Page, 1);
        var entries = db.Entries.AsNoTracking().Where(e => e.HouseholdId == householdId);
        if (query.ChildId is { } childId) entries = entries.Where(e => e.ChildId == childId);
        if (query.From is { } from)
        {
            var f = JournalTimes.Normalize(from);
            entries = entries.Where(e => e.StartedAt >= f);
        }
        if (query.To is { } to)
        {
            var t = JournalTimes.Normalize(to);
            entries = entries.Where(e => e.StartedAt < t);
        }
        if (query.Type is { } type)
        {
            var name = EntryTypeNames.Of(type);
            entries = entries.Where(e => EF.Property<string>(e, JournalModel.Discriminator) == name);
        }
        var total = await entries.CountAsync(cancellationToken);
        var items = await entries.OrderByDescending(e => e.StartedAt).ThenBy(e => e.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new EntryPage(items, page, pageSize, total);
    }

    /// <summary>
    /// Stores a new entry. The same id sent again to the same household returns the stored entry
    /// (<see cref="EntryWriteStatus.AlreadyExists"/>); an id used by another household is refused without saying whose.
    /// </summary>
    public async Task<EntryWriteResult> CreateAsync(Guid householdId, JournalEntry entry, ChangeAuthor author, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(author);
        if (entry.Id == Guid.Empty) return EntryWriteResult.Invalid("id", "Every entry needs an id (a GUID chosen by the client).");

        entry.HouseholdId = householdId;
        if (author.CaregiverId is { } caregiverId)
        {
            entry.LoggedBy = caregiverId;
            entry.DoneBy ??= caregiverId;
        }
        entry.RecordedAt = Now;
        entry.UpdatedAt = null;
        JournalTimes.Normalize(entry);
        var errors = await ValidateAsync(householdId, entry, cancellationToken);
        if (errors.Count > 0)
        {
            // A retry of a stored entry is answered with what is stored, even if it would not pass today's checks.
            var existing = await FindAnyAsync(entry.Id, cancellationToken);
            return existing is not null ? JournalGroupWriter.Retried(existing, householdId) : EntryWriteResult.Invalid(errors);
        }
        // The queue checks the id again when it writes, so concurrent retries also get one entry.
        return await writes.CreateAsync(householdId, entry, Audit(householdId, entry.Id, AuditAction.Created, author, before: null, after: entry), cancellationToken);
    }

    /// <summary>Replaces an entry's content. Its type, who logged it and when it was recorded do not change.</summary>
    public async Task<EntryWriteResult> UpdateAsync(Guid householdId, Guid entryId, JournalEntry changed, ChangeAuthor author, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(author);
        var existing = await GetAsync(householdId, entryId, cancellationToken);
        if (existing is null) return EntryWriteResult.Of(EntryWriteStatus.NotFound);
        if (existing.GetType() != changed.GetType())
            return EntryWriteResult.Invalid("type", "An entry cannot change its type; delete it and log a new one instead.");

        changed.Id = entryId;
        changed.HouseholdId = householdId;
        changed.LoggedBy = existing.LoggedBy;
        changed.RecordedAt = existing.RecordedAt;
        changed.UpdatedAt = Now;
        JournalTimes.Normalize(changed);
        // A sleep is checked and saved where new sleeps are, one write after another: checked against what it read
        // earlier, a sleep created in between could overlap it.
        return changed is SleepEntry
            ? await writes.WithSleepsSerialisedAsync(CheckAndSaveAsync, cancellationToken)
            : await CheckAndSaveAsync();

        async Task<EntryWriteResult> CheckAndSaveAsync()
        {
            var errors = await ValidateAsync(householdId, changed, cancellationToken);
            if (errors.Count > 0) return EntryWriteResult.Invalid(errors);

            db.Entries.Update(changed);
            db.AuditTrail.Add(Audit(householdId, entryId, AuditAction.Updated, author, existing, changed));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
            return EntryWriteResult.Of(EntryWriteStatus.Updated, changed);
        }
    }

    public async Task<EntryWriteResult> DeleteAsync(Guid householdId, Guid entryId, ChangeAuthor author, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(author);
        var existing = await GetAsync(householdId, entryId, cancellationToken);
        if (existing is null) return EntryWriteResult.Of(EntryWriteStatus.NotFound);
        db.Entries.Remove(existing);
        db.AuditTrail.Add(Audit(householdId, entryId, AuditAction.Deleted, author, existing, after: null));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        return EntryWriteResult.Of(EntryWriteStatus.Deleted, existing);
    }

    /// <summary>The changes made to an entry, oldest first; empty when the entry never existed in this household.</summary>
    public async Task<IReadOnlyList<AuditView>> GetAuditAsync(Guid householdId, Guid entryId, CancellationToken cancellationToken = default) =>
        await db.AuditTrail.AsNoTracking()
            .Where(a => a.HouseholdId == householdId && a.EntryId == entryId)
            .OrderBy(a => a.At).ThenBy(a => a.Id)
            .Select(a => new AuditView(a.Id, a.EntryId, a.Action, a.CaregiverId, a.TokenId, a.At, a.Before, a.After))
            .ToListAsync(cancellationToken);

    /// <summary>Feeds and sleeps that have started and not ended, newest first.</summary>
    public async Task<IReadOnlyList<JournalEntry>> ListRunningTimersAsync(Guid householdId, CancellationToken cancellationToken = default)
    {
        var feed = EntryTypeNames.Of(EntryType.Feed);
        var sleep = EntryTypeNames.Of(EntryType.Sleep);
        return await db.Entries.AsNoTracking()
            .Where(e => e.HouseholdId == householdId && e.EndedAt == null)
            .Where(e => EF.Property<string>(e, JournalModel.Discriminator) == feed || EF.Property<string>(e, JournalModel.Discriminator) == sleep)
            .OrderByDescending(e => e.StartedAt)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Ends a running feed or sleep timer at <paramref name="endedAt"/> (now when null).</summary>
    public async Task<EntryWriteResult> StopTimerAsync(Guid householdId, Guid entryId, DateTimeOffset? endedAt, ChangeAuthor author, CancellationToken cancellationToken = default)
    {
        var entry = await GetAsync(householdId, entryId, cancellationToken);
        if (entry is null) return EntryWriteResult.Of(EntryWriteStatus.NotFound);
        if (entry is not (FeedEntry or SleepEntry)) return EntryWriteResult.Invalid("id", "Only feeds and sleeps have timers.");
        if (entry.EndedAt is not null) return EntryWriteResult.Invalid("endedAt", "This timer has already been stopped.");
        entry.EndedAt = endedAt ?? Now;
        return await UpdateAsync(householdId, entryId, entry, author, cancellationToken);
    }

    private Task<JournalEntry?> FindAnyAsync(Guid entryId, CancellationToken cancellationToken) =>
        db.Entries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId, cancellationToken);

    private async Task<IReadOnlyList<ValidationError>> ValidateAsync(Guid householdId, JournalEntry entry, CancellationToken cancellationToken)
    {
        var roster = await cache.RosterAsync(householdId, () => LoadRosterAsync(householdId, cancellationToken));
        var otherSleeps = new List<(Guid, DateTimeOffset, DateTimeOffset?)>();
        if (entry is SleepEntry && entry.ChildId is { } childId)
        {
            var sleeps = db.Entries.AsNoTracking().OfType<SleepEntry>()
                .Where(s => s.HouseholdId == householdId && s.ChildId == childId && s.Id != entry.Id)
                .Where(s => s.EndedAt == null || s.EndedAt > entry.StartedAt);
            if (entry.EndedAt is { } end) sleeps = sleeps.Where(s => s.StartedAt < end);
            foreach (var s in await sleeps.Select(s => new { s.Id, s.StartedAt, s.EndedAt }).Take(10).ToListAsync(cancellationToken))
                otherSleeps.Add((s.Id, s.StartedAt, s.EndedAt));
        }
        var errors = EntryValidator.Validate(entry, new EntryContext(roster!.Children, roster.CaregiverIds, otherSleeps), Now);
        // An entry may only be marked against one of the household's own rules.
        if (entry.AgainstRuleId is { } ruleId && !await db.HouseholdRules.AnyAsync(r => r.HouseholdId == householdId && r.Id == ruleId, cancellationToken))
            return [.. errors, new ValidationError("againstRuleId", "There is no such rule in this household's rule book.")];
        return errors;
    }

    private async Task<HouseholdRoster?> LoadRosterAsync(Guid householdId, CancellationToken cancellationToken)
    {
        var children = await db.Children.AsNoTracking().Where(c => c.HouseholdId == householdId)
            .ToDictionaryAsync(c => c.Id, c => c.BirthDate, cancellationToken);
        var caregivers = (await db.Caregivers.AsNoTracking().Where(c => c.HouseholdId == householdId)
            .Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
        return new HouseholdRoster(children, caregivers);
    }

    private AuditRecord Audit(Guid householdId, Guid entryId, AuditAction action, ChangeAuthor author, JournalEntry? before, JournalEntry? after) => new()
    {
        Id = Guid.CreateVersion7(),
        HouseholdId = householdId,
        EntryId = entryId,
        Action = action,
        CaregiverId = author.CaregiverId,
        TokenId = author.TokenId,
        At = Now,
        Before = before is null ? null : JsonSerializer.Serialize(before, EntryJson.Options),
        After = after is null ? null : JsonSerializer.Serialize(after, EntryJson.Options),
    };
}
