using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SecureBase.Care.Households;
using SecureBase.Care.Journal;
using SecureBase.Storage.Hosting;

namespace SecureBase.Storage.Journal;

/// <summary>
/// What an import added; entries and alerts whose id the household already had were left as they were.
/// <c>RotaAdded</c>: the file's rota was taken (only by a household that kept none, and only when a parent imports).
/// </summary>
public sealed record ImportSummary(Guid HouseholdId, int CaregiversAdded, int ChildrenAdded, int EntriesAdded, int EntriesAlreadyPresent,
    int AlertsAdded = 0, bool RotaAdded = false);

/// <summary>
/// Moves whole journals in and out (the SecureBase journal format). An import is checked completely first and then
/// written in one transaction: it is applied entirely or not at all. Ids, and the times entries were recorded and
/// updated, are kept, so an export imported into an empty instance exports the same document again.
/// </summary>
public sealed class JournalTransfer(SecureBaseDbContext db, TimeProvider time, IOptions<SecureBaseOptions> options, SqliteCheckpointer checkpoints, JournalGroupWriter writes)
{
    private const int MaxReportedErrors = 50;
    private const int MaxCaregivers = 500;
    private const int MaxChildren = 100;
    /// <summary>Ids are checked against the database in chunks that stay under every provider's parameter limit.</summary>
    private const int IdChunk = 500;

    public async Task<JournalDocument?> ExportAsync(Guid householdId, CancellationToken cancellationToken = default)
    {
        var household = await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == householdId, cancellationToken);
        if (household is null) return null;
        var caregivers = await db.Caregivers.AsNoTracking().Where(c => c.HouseholdId == householdId).ToListAsync(cancellationToken);
        var children = await db.Children.AsNoTracking().Where(c => c.HouseholdId == householdId).ToListAsync(cancellationToken);
        var entries = await db.Entries.AsNoTracking().Where(e => e.HouseholdId == householdId).ToListAsync(cancellationToken);
        var (rota, alerts) = await new Alerts.AlertTransfer(db).ExportAsync(householdId, cancellationToken);
        return new JournalDocument
        {
            ExportedAt = JournalTimes.Normalize(time.GetUtcNow()),
            Household = new JournalHousehold(household.Id, household.Name, household.TimeZone),
            Caregivers = caregivers.OrderBy(c => c.Id).Select(c => new JournalCaregiver(c.Id, c.Name, c.Role, c.IsBackup)).ToList(),
            Children = children.OrderBy(c => c.Id)
                .Select(c => new JournalChild(c.Id, c.Name, c.BirthDate, c.Pronoun, c.FeedingIntervalMinMinutes, c.FeedingIntervalMaxMinutes)).ToList(),
            Entries = entries.OrderBy(e => e.StartedAt).ThenBy(e => e.Id).ToList(),
            Guidance = await new Guidance.GuidanceTransfer(db).ExportAsync(householdId, cancellationToken),
            Rota = rota,
            Alerts = alerts,
        };
    }

    /// <summary>Adds a document's caregivers, children, entries and alerts to an existing household; its rota is not taken.</summary>
    public Task<Outcome<ImportSummary>> ImportAsync(Guid householdId, JournalDocument document, CancellationToken cancellationToken = default) =>
        ImportAsync(householdId, document, mayChangeRota: false, cancellationToken);

    /// <summary>
    /// Adds a document's caregivers, children, entries and alerts to an existing household, and its rota when
    /// <paramref name="mayChangeRota"/> (the importer is a parent) and the household keeps none yet.
    /// </summary>
    public async Task<Outcome<ImportSummary>> ImportAsync(Guid householdId, JournalDocument document, bool mayChangeRota, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var household = await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == householdId, cancellationToken);
        if (household is null) return Outcome<ImportSummary>.NotFound("There is no such household.");
        return await ApplyAsync(household, isNew: false, mayChangeRota, document, cancellationToken);
    }

    /// <summary>Creates the document's household, with its own ids, in this instance (restoring a backup or moving servers).</summary>
    public async Task<Outcome<ImportSummary>> RestoreAsync(JournalDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Household is null) return Outcome<ImportSummary>.Invalid("household", "The file does not describe a household.");
        if (await db.Households.AnyAsync(h => h.Id == document.Household.Id, cancellationToken))
            return Outcome<ImportSummary>.Conflict("This household is already here. Import into it instead of restoring it.");
        var household = new Household
        {
            Id = document.Household.Id,
            Name = document.Household.Name,
            TimeZone = document.Household.TimeZone,
            CreatedAt = JournalTimes.Normalize(time.GetUtcNow()),
        };
        return await ApplyAsync(household, isNew: true, mayChangeRota: true, document, cancellationToken);
    }

    private async Task<Outcome<ImportSummary>> ApplyAsync(Household household, bool isNew, bool mayChangeRota, JournalDocument document, CancellationToken cancellationToken)
    {
        var errors = CheckShape(document, household, isNew);
        if (errors.Count > 0) return Outcome<ImportSummary>.Invalid(errors);
        var hid = household.Id;

        // Ids already used by another household are refused without saying whose they are.
        var caregiverIds = document.Caregivers.Select(c => c.Id).ToList();
        var childIds = document.Children.Select(c => c.Id).ToList();
        var entryIds = document.Entries.Select(e => e.Id).ToList();
        if (await AnyInChunksAsync(caregiverIds, chunk => db.Caregivers.AnyAsync(c => chunk.Contains(c.Id) && c.HouseholdId != hid, cancellationToken)))
            return Outcome<ImportSummary>.Conflict("Some caregiver ids in this file belong to another household. Nothing was imported.");
        if (await AnyInChunksAsync(childIds, chunk => db.Children.AnyAsync(c => chunk.Contains(c.Id) && c.HouseholdId != hid, cancellationToken)))
            return Outcome<ImportSummary>.Conflict("Some child ids in this file belong to another household. Nothing was imported.");
        // Entry ids are checked by the insert itself (the primary key), not by dozens of look-ups beforehand: see below.

        var existingCaregivers = isNew ? [] : await db.Caregivers.AsNoTracking().Where(c => c.HouseholdId == hid).Select(c => c.Id).ToListAsync(cancellationToken);
        var existingChildren = isNew ? [] : await db.Children.AsNoTracking().Where(c => c.HouseholdId == hid).ToDictionaryAsync(c => c.Id, c => c.BirthDate, cancellationToken);
        var existingEntries = isNew ? [] : (await db.Entries.AsNoTracking().Where(e => e.HouseholdId == hid).Select(e => e.Id).ToListAsync(cancellationToken)).ToHashSet();
        var existingSleeps = isNew ? [] : await StoredSleepsAsync(hid, cancellationToken);

        var newCaregivers = document.Caregivers.Where(c => !existingCaregivers.Contains(c.Id)).ToList();
        var newChildren = document.Children.Where(c => !existingChildren.ContainsKey(c.Id)).ToList();
        var children = new Dictionary<Guid, DateOnly>(existingChildren);
        foreach (var child in newChildren) children[child.Id] = child.BirthDate;
        var caregivers = existingCaregivers.Concat(newCaregivers.Select(c => c.Id)).ToHashSet();

        var now = JournalTimes.Normalize(time.GetUtcNow());
        var newEntries = new List<(int Index, JournalEntry Entry)>();
        for (var i = 0; i < document.Entries.Count; i++)
        {
            var entry = document.Entries[i];
            if (existingEntries.Contains(entry.Id)) continue;
            entry.HouseholdId = hid;
            if (entry.RecordedAt == default) entry.RecordedAt = now;
            JournalTimes.Normalize(entry);
            newEntries.Add((i, entry));
        }
        var overlaps = SleepNeighbours.Build(existingSleeps, newEntries.Select(e => e.Entry).OfType<SleepEntry>());
        var limits = new EntryLimits();
        foreach (var (index, entry) in newEntries)
        {
            var others = entry is SleepEntry ? overlaps.For(entry.Id) : [];
            foreach (var error in EntryValidator.Validate(entry, new EntryContext(children, caregivers, others), now, limits))
            {
                errors.Add(new ValidationError($"entries[{index}].{error.Field}", error.Message));
                if (errors.Count >= MaxReportedErrors) break;
            }
            if (errors.Count >= MaxReportedErrors) break;
        }
        if (errors.Count > 0) return Outcome<ImportSummary>.Invalid(errors);
        var guidanceTransfer = new Guidance.GuidanceTransfer(db);
        var guidance = await guidanceTransfer.PrepareAsync(hid, document.Guidance, children.Keys.ToHashSet(), caregivers, existingEntries.Concat(entryIds).ToHashSet(), cancellationToken);
        if (!guidance.IsOk) return guidance.As<ImportSummary>();
        var alertTransfer = new Alerts.AlertTransfer(db);
        var alerting = await alertTransfer.PrepareAsync(hid, document, children.Keys.ToHashSet(), now, mayChangeRota, cancellationToken);
        if (!alerting.IsOk) return alerting.As<ImportSummary>();

        // The file's sleeps were checked against the sleeps read above; one created or moved since (a concurrent
        // create or edit) could overlap them. So they are checked again, and stored, where new sleeps are checked and
        // written one write after another. A new household has no other writers yet.
        if (!isNew && newEntries.Exists(e => e.Entry is SleepEntry))
        {
            return await writes.WithSleepsSerialisedAsync(async () =>
            {
                var overlapping = OverlappingSleeps(await StoredSleepsAsync(hid, cancellationToken), newEntries);
                return overlapping.Count > 0 ? Outcome<ImportSummary>.Invalid(overlapping) : await StoreAsync();
            }, cancellationToken);
        }
        return await StoreAsync();

        async Task<Outcome<ImportSummary>> StoreAsync()
        {
            var detect = db.ChangeTracker.AutoDetectChangesEnabled;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                // SQLite's checkpoint of the ~30 MB this writes runs after the answer, not inside the commit.
                await using var deferred = await checkpoints.DeferAsync(db, cancellationToken);
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                if (isNew) db.Households.Add(household);
                db.Caregivers.AddRange(newCaregivers.Select(c => new Caregiver { Id = c.Id, HouseholdId = hid, Name = c.Name, Role = c.Role, IsBackup = c.IsBackup }));
                db.Children.AddRange(newChildren.Select(c => new Child
                {
                    Id = c.Id, HouseholdId = hid, Name = c.Name, BirthDate = c.BirthDate, Pronoun = c.Pronoun,
                    FeedingIntervalMinMinutes = c.FeedingIntervalMinMinutes, FeedingIntervalMaxMinutes = c.FeedingIntervalMaxMinutes,
                }));
                guidanceTransfer.Add(guidance.Value!);
                alertTransfer.Add(alerting.Value!);
                await db.SaveChangesAsync(cancellationToken);
                // Tens of thousands of entries: written without the change tracker, in the same transaction.
                try
                {
                    await BulkEntryWriter.InsertAsync(db, newEntries.ConvertAll(e => e.Entry), cancellationToken);
                }
                catch (DbException exception) when (IsUniqueViolation(exception))
                {
                    await transaction.RollbackAsync(cancellationToken);
                    if (await AnyInChunksAsync(entryIds, chunk => db.Entries.AnyAsync(e => chunk.Contains(e.Id) && e.HouseholdId != hid, cancellationToken)))
                        return Outcome<ImportSummary>.Conflict("Some entry ids in this file belong to another household. Nothing was imported.");
                    throw;
                }
                await transaction.CommitAsync(cancellationToken);
            }
            finally
            {
                db.ChangeTracker.Clear();
                db.ChangeTracker.AutoDetectChangesEnabled = detect;
            }
            return Outcome<ImportSummary>.Ok(new ImportSummary(hid, newCaregivers.Count, newChildren.Count, newEntries.Count, document.Entries.Count - newEntries.Count,
                alerting.Value!.Alerts.Count, alerting.Value.Shifts.Count + alerting.Value.QuietHours.Count > 0));
        }
    }

    /// <summary>
    /// Runs an import's checks and lays out its rows for <paramref name="document"/>'s entries without touching the
    /// database, so that the process's first real import does not also pay for loading and compiling that code.
    /// </summary>
    public void WarmUp(JournalDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var children = document.Children.ToDictionary(c => c.Id, c => c.BirthDate);
        var caregivers = document.Caregivers.Select(c => c.Id).ToHashSet();
        var now = JournalTimes.Normalize(time.GetUtcNow());
        var overlaps = SleepNeighbours.Build([], document.Entries.OfType<SleepEntry>());
        foreach (var entry in document.Entries)
            _ = EntryValidator.Validate(entry, new EntryContext(children, caregivers, entry is SleepEntry ? overlaps.For(entry.Id) : []), now, new EntryLimits());
        BulkEntryWriter.WarmUp(db, document.Entries);
    }

    /// <summary>Checks that need no database: version, sizes, duplicate ids, names.</summary>
    private List<ValidationError> CheckShape(JournalDocument document, Household household, bool isNew)
    {
        var errors = new List<ValidationError>();
        if (document.Format != "securebase-journal") errors.Add(new("format", "This is not a SecureBase journal file."));
        if (document.Version != JournalDocument.CurrentVersion)
            errors.Add(new("version", $"This file is version {document.Version}; this SecureBase reads version {JournalDocument.CurrentVersion}."));
        if (document.Caregivers is null || document.Children is null || document.Entries is null)
        {
            errors.Add(new("entries", "The file lacks its caregivers, children or entries."));
            return errors;
        }
        if (document.Entries.Count > options.Value.MaxImportEntries)
            errors.Add(new("entries", $"The file holds {document.Entries.Count:N0} entries; one import takes at most {options.Value.MaxImportEntries:N0}."));
        if (document.Caregivers.Count > MaxCaregivers) errors.Add(new("caregivers", $"The file holds more than {MaxCaregivers} caregivers."));
        if (document.Children.Count > MaxChildren) errors.Add(new("children", $"The file holds more than {MaxChildren} children."));
        if (errors.Count > 0) return errors;

        if (isNew && (string.IsNullOrWhiteSpace(household.Name) || household.Name.Length > 200)) errors.Add(new("household.name", "The household needs a name."));
        if (isNew && (string.IsNullOrWhiteSpace(household.TimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(household.TimeZone, out _)))
            errors.Add(new("household.timeZone", "The household's time zone is not known."));
        CheckUnique(errors, "caregivers", document.Caregivers.Select(c => c?.Id ?? Guid.Empty));
        CheckUnique(errors, "children", document.Children.Select(c => c?.Id ?? Guid.Empty));
        CheckUnique(errors, "entries", document.Entries.Select(e => e?.Id ?? Guid.Empty));
        for (var i = 0; i < document.Caregivers.Count; i++)
        {
            var c = document.Caregivers[i];
            if (c is null || string.IsNullOrWhiteSpace(c.Name) || c.Name.Length > 200 || !Enum.IsDefined(c.Role)) errors.Add(new($"caregivers[{i}]", "Each caregiver needs a name and a known role."));
        }
        for (var i = 0; i < document.Children.Count; i++)
        {
            var c = document.Children[i];
            if (c is null || string.IsNullOrWhiteSpace(c.Name) || c.Name.Length > 200 || c.Pronoun is null || c.Pronoun.Length > 16)
                errors.Add(new($"children[{i}]", "Each child needs a name and a pronoun."));
        }
        return errors;
    }

    private static void CheckUnique(List<ValidationError> errors, string field, IEnumerable<Guid> ids)
    {
        var seen = new HashSet<Guid>();
        var index = 0;
        foreach (var id in ids)
        {
            if (id == Guid.Empty) errors.Add(new($"{field}[{index}].id", "Every item needs an id."));
            else if (!seen.Add(id)) errors.Add(new($"{field}[{index}].id", "This id appears twice in the file."));
            if (errors.Count >= MaxReportedErrors) return;
            index++;
        }
    }

    private async Task<List<SleepSpan>> StoredSleepsAsync(Guid householdId, CancellationToken cancellationToken) =>
        await db.Entries.AsNoTracking().OfType<SleepEntry>().Where(e => e.HouseholdId == householdId)
            .Select(s => new SleepSpan(s.Id, s.ChildId, s.StartedAt, s.EndedAt)).ToListAsync(cancellationToken);

    /// <summary>The file's new sleeps that overlap a stored sleep or another of them, as the entry check reports them.</summary>
    private static List<ValidationError> OverlappingSleeps(List<SleepSpan> stored, List<(int Index, JournalEntry Entry)> added)
    {
        var neighbours = SleepNeighbours.Build(stored, added.Select(e => e.Entry).OfType<SleepEntry>());
        var errors = new List<ValidationError>();
        foreach (var (index, entry) in added)
        {
            if (entry is not SleepEntry sleep) continue;
            if (neighbours.For(sleep.Id).Any(o => o.Id != sleep.Id && EntryValidator.SleepsOverlap(sleep.StartedAt, sleep.EndedAt, o.Start, o.End)))
                errors.Add(new ValidationError($"entries[{index}].startedAt", EntryValidator.SleepOverlapMessage));
            if (errors.Count >= MaxReportedErrors) break;
        }
        return errors;
    }

    /// <summary>A primary key or unique index refused a row (SQLite's SQLITE_CONSTRAINT, PostgreSQL's 23505).</summary>
    private static bool IsUniqueViolation(DbException exception) => exception switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 1555 or 2067,
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    private static async Task<bool> AnyInChunksAsync(List<Guid> ids, Func<Guid[], Task<bool>> anyIn)
    {
        foreach (var chunk in ids.Chunk(IdChunk))
        {
            if (await anyIn(chunk)) return true;
        }
        return false;
    }
}
