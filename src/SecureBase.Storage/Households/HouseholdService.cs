using Microsoft.EntityFrameworkCore;
using SecureBase.Care.Households;
using SecureBase.Care.Journal;
using SecureBase.Storage.Access;

namespace SecureBase.Storage.Households;

public sealed record ChildInput(string Name, DateOnly BirthDate, string? Pronoun = null, int? FeedingIntervalMinMinutes = null, int? FeedingIntervalMaxMinutes = null);

public sealed record CaregiverInput(string Name, CaregiverRole Role, bool IsBackup = false);

/// <summary>A user's place in a household.</summary>
public sealed record Membership(Household Household, Caregiver Caregiver);

/// <summary>Households, their children and their caregivers. Callers have checked the user's role.</summary>
public sealed class HouseholdService(SecureBaseDbContext db, TimeProvider time, AccessCache cache)
{
    private const int MaxNameLength = 200;

    public Task<bool> AnyHouseholdAsync(CancellationToken cancellationToken = default) => db.Households.AnyAsync(cancellationToken);

    /// <summary>Creates a household with the user as its first parent.</summary>
    public async Task<Outcome<Membership>> CreateAsync(string name, string? timeZone, string userId, string caregiverName, CancellationToken cancellationToken = default)
    {
        var errors = new List<ValidationError>();
        CheckName(errors, "householdName", name);
        CheckName(errors, "name", caregiverName);
        timeZone = string.IsNullOrWhiteSpace(timeZone) ? "UTC" : timeZone.Trim();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _)) errors.Add(new("timeZone", "That time zone is not known; use a name like Europe/Paris."));
        if (errors.Count > 0) return Outcome<Membership>.Invalid(errors);

        var household = new Household { Id = Guid.CreateVersion7(), Name = name.Trim(), TimeZone = timeZone, CreatedAt = JournalTimesNow() };
        var parent = new Caregiver { Id = Guid.CreateVersion7(), HouseholdId = household.Id, Name = caregiverName.Trim(), Role = CaregiverRole.Parent, UserId = userId };
        db.Households.Add(household);
        db.Caregivers.Add(parent);
        await SaveAsync(cancellationToken);
        return Outcome<Membership>.Ok(new Membership(household, parent));
    }

    public async Task<IReadOnlyList<Membership>> MembershipsAsync(string userId, CancellationToken cancellationToken = default)
    {
        var rows = await (from c in db.Caregivers.AsNoTracking()
                          join h in db.Households.AsNoTracking() on c.HouseholdId equals h.Id
                          where c.UserId == userId
                          select new { h, c }).ToListAsync(cancellationToken);
        return rows.Select(r => new Membership(r.h, r.c)).OrderBy(m => m.Household.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The user's caregiver record in the household, or null when they are not a member.</summary>
    /// <summary>The caregiver an account is in a household, or null; remembered briefly (<see cref="AccessCache"/>).</summary>
    public async Task<Caregiver?> FindMemberAsync(Guid householdId, string userId, CancellationToken cancellationToken = default) =>
        await cache.MemberAsync(householdId, userId,
            () => db.Caregivers.AsNoTracking().FirstOrDefaultAsync(c => c.HouseholdId == householdId && c.UserId == userId, cancellationToken));

    public Task<Household?> GetAsync(Guid householdId, CancellationToken cancellationToken = default) =>
        db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == householdId, cancellationToken);

    public async Task<Outcome<Household>> UpdateAsync(Guid householdId, string name, string timeZone, CancellationToken cancellationToken = default)
    {
        var errors = new List<ValidationError>();
        CheckName(errors, "name", name);
        if (string.IsNullOrWhiteSpace(timeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
            errors.Add(new("timeZone", "That time zone is not known; use a name like Europe/Paris."));
        if (errors.Count > 0) return Outcome<Household>.Invalid(errors);
        var household = await db.Households.FirstOrDefaultAsync(h => h.Id == householdId, cancellationToken);
        if (household is null) return Outcome<Household>.NotFound();
        household.Name = name.Trim();
        household.TimeZone = timeZone.Trim();
        await SaveAsync(cancellationToken);
        return Outcome<Household>.Ok(household);
    }

    // ---- children

    public async Task<IReadOnlyList<Child>> ListChildrenAsync(Guid householdId, CancellationToken cancellationToken = default) =>
        await db.Children.AsNoTracking().Where(c => c.HouseholdId == householdId).OrderBy(c => c.BirthDate).ThenBy(c => c.Name).ToListAsync(cancellationToken);

    public Task<Child?> GetChildAsync(Guid householdId, Guid childId, CancellationToken cancellationToken = default) =>
        db.Children.AsNoTracking().FirstOrDefaultAsync(c => c.HouseholdId == householdId && c.Id == childId, cancellationToken);

    public async Task<Outcome<Child>> AddChildAsync(Guid householdId, ChildInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = CheckChild(input);
        if (errors.Count > 0) return Outcome<Child>.Invalid(errors);
        var child = new Child { Id = Guid.CreateVersion7(), HouseholdId = householdId, Name = input.Name.Trim() };
        Apply(child, input);
        db.Children.Add(child);
        await SaveAsync(cancellationToken);
        return Outcome<Child>.Ok(child);
    }

    public async Task<Outcome<Child>> UpdateChildAsync(Guid householdId, Guid childId, ChildInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = CheckChild(input);
        if (errors.Count > 0) return Outcome<Child>.Invalid(errors);
        var child = await db.Children.FirstOrDefaultAsync(c => c.HouseholdId == householdId && c.Id == childId, cancellationToken);
        if (child is null) return Outcome<Child>.NotFound("There is no such child in this household.");
        Apply(child, input);
        await SaveAsync(cancellationToken);
        return Outcome<Child>.Ok(child);
    }

    /// <summary>Removes a child who has no journal entries (a child added by mistake).</summary>
    public async Task<Outcome<Child>> DeleteChildAsync(Guid householdId, Guid childId, CancellationToken cancellationToken = default)
    {
        var child = await db.Children.FirstOrDefaultAsync(c => c.HouseholdId == householdId && c.Id == childId, cancellationToken);
        if (child is null) return Outcome<Child>.NotFound("There is no such child in this household.");
        if (await db.Entries.AnyAsync(e => e.HouseholdId == householdId && e.ChildId == childId, cancellationToken))
            return Outcome<Child>.Conflict($"{child.Name} has journal entries, so the child cannot be removed. Export the journal first if you want to keep a copy, then delete the entries.");
        db.Children.Remove(child);
        // Alerts have no key to the child: those of a child removed by mistake go with it, so no export names a missing child.
        await db.Alerts.Where(a => a.HouseholdId == householdId && a.ChildId == childId).ExecuteDeleteAsync(cancellationToken);
        await SaveAsync(cancellationToken);
        return Outcome<Child>.Ok(child);
    }

    // ---- caregivers

    public async Task<IReadOnlyList<Caregiver>> ListCaregiversAsync(Guid householdId, CancellationToken cancellationToken = default) =>
        await db.Caregivers.AsNoTracking().Where(c => c.HouseholdId == householdId).OrderBy(c => c.Name).ToListAsync(cancellationToken);

    /// <summary>Adds a caregiver without an account (someone whose care others log, like a grandparent).</summary>
    public async Task<Outcome<Caregiver>> AddCaregiverAsync(Guid householdId, CaregiverInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<ValidationError>();
        CheckName(errors, "name", input.Name);
        if (!Enum.IsDefined(input.Role)) errors.Add(new("role", "Choose parent, caregiver or viewer."));
        if (errors.Count > 0) return Outcome<Caregiver>.Invalid(errors);
        var caregiver = new Caregiver { Id = Guid.CreateVersion7(), HouseholdId = householdId, Name = input.Name.Trim(), Role = input.Role, IsBackup = input.IsBackup };
        db.Caregivers.Add(caregiver);
        await SaveAsync(cancellationToken);
        return Outcome<Caregiver>.Ok(caregiver);
    }

    public async Task<Outcome<Caregiver>> UpdateCaregiverAsync(Guid householdId, Guid caregiverId, CaregiverInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<ValidationError>();
        CheckName(errors, "name", input.Name);
        if (!Enum.IsDefined(input.Role)) errors.Add(new("role", "Choose parent, caregiver or viewer."));
        if (errors.Count > 0) return Outcome<Caregiver>.Invalid(errors);
        var caregiver = await db.Caregivers.FirstOrDefaultAsync(c => c.HouseholdId == householdId && c.Id == caregiverId, cancellationToken);
        if (caregiver is null) return Outcome<Caregiver>.NotFound("There is no such caregiver in this household.");
        if (caregiver.Role == CaregiverRole.Parent && input.Role != CaregiverRole.Parent && await IsLastParentAsync(caregiver, cancellationToken))
            return Outcome<Caregiver>.Conflict("A household needs at least one parent with an account. Make someone else a parent first.");
        caregiver.Name = input.Name.Trim();
        caregiver.Role = input.Role;
        caregiver.IsBackup = input.IsBackup;
        await SaveAsync(cancellationToken);
        return Outcome<Caregiver>.Ok(caregiver);
    }

    /// <summary>
    /// Takes a caregiver out of the household. Someone who appears in the journal stays there by name, but loses
    /// their account's access and tokens; someone who does not is deleted.
    /// </summary>
    public async Task<Outcome<Caregiver>> RemoveCaregiverAsync(Guid householdId, Guid caregiverId, CancellationToken cancellationToken = default)
    {
        var caregiver = await db.Caregivers.FirstOrDefaultAsync(c => c.HouseholdId == householdId && c.Id == caregiverId, cancellationToken);
        if (caregiver is null) return Outcome<Caregiver>.NotFound("There is no such caregiver in this household.");
        if (caregiver.Role == CaregiverRole.Parent && await IsLastParentAsync(caregiver, cancellationToken))
            return Outcome<Caregiver>.Conflict("A household needs at least one parent with an account. Make someone else a parent first.");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = JournalTimesNow();
        await db.ApiTokens.Where(t => t.HouseholdId == householdId && t.CaregiverId == caregiverId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
        var inJournal = await db.Entries.AnyAsync(e => e.HouseholdId == householdId && (e.LoggedBy == caregiverId || e.DoneBy == caregiverId), cancellationToken)
            || await Alerts.AlertTransfer.NamesAsync(db, householdId, caregiverId, cancellationToken) // the alert history names them too
            || await AnsweredACryAsync(householdId, caregiverId, cancellationToken);
        if (inJournal)
        {
            caregiver.UserId = null;
            caregiver.IsBackup = false;
            // Kept by name only: no longer on the rota (a cry must not be sent to someone who left).
            await db.RotaShifts.Where(r => r.HouseholdId == householdId && r.CaregiverId == caregiverId).ExecuteDeleteAsync(cancellationToken);
            await db.QuietHours.Where(q => q.HouseholdId == householdId && q.CaregiverId == caregiverId).ExecuteDeleteAsync(cancellationToken);
        }
        else
        {
            db.Caregivers.Remove(caregiver);
        }
        await SaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<Caregiver>.Ok(caregiver);
    }

    /// <summary>
    /// Whether someone answered one of the household's cries (a response in a cry logged by someone else). Responses are
    /// stored as JSON inside the entry, so they are read and checked here; removing a caregiver is rare.
    /// </summary>
    private async Task<bool> AnsweredACryAsync(Guid householdId, Guid caregiverId, CancellationToken cancellationToken)
    {
        var cries = await db.Entries.AsNoTracking().OfType<CryEpisodeEntry>().Where(e => e.HouseholdId == householdId).ToListAsync(cancellationToken);
        return cries.Exists(c => c.Responses.Exists(r => r.CaregiverId == caregiverId));
    }

    private async Task<bool> IsLastParentAsync(Caregiver caregiver, CancellationToken cancellationToken) =>
        !await db.Caregivers.AnyAsync(c => c.HouseholdId == caregiver.HouseholdId && c.Id != caregiver.Id && c.Role == CaregiverRole.Parent && c.UserId != null, cancellationToken);

    private List<ValidationError> CheckChild(ChildInput input)
    {
        var errors = new List<ValidationError>();
        CheckName(errors, "name", input.Name);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (input.BirthDate > today.AddDays(280)) errors.Add(new("birthDate", "That birth date is too far ahead."));
        if (input.BirthDate < today.AddYears(-18)) errors.Add(new("birthDate", "That birth date looks mistyped."));
        if (input.Pronoun is not (null or "her" or "him" or "them")) errors.Add(new("pronoun", "Use her, him or them."));
        if (input.FeedingIntervalMinMinutes is < 15 or > 24 * 60) errors.Add(new("feedingIntervalMinMinutes", "Use a number of minutes between 15 and 1440."));
        if (input.FeedingIntervalMaxMinutes is < 15 or > 24 * 60) errors.Add(new("feedingIntervalMaxMinutes", "Use a number of minutes between 15 and 1440."));
        if (input.FeedingIntervalMinMinutes > input.FeedingIntervalMaxMinutes) errors.Add(new("feedingIntervalMaxMinutes", "The longest interval must not be shorter than the shortest."));
        return errors;
    }

    private static void Apply(Child child, ChildInput input)
    {
        child.Name = input.Name.Trim();
        child.BirthDate = input.BirthDate;
        child.Pronoun = input.Pronoun ?? "them";
        child.FeedingIntervalMinMinutes = input.FeedingIntervalMinMinutes;
        child.FeedingIntervalMaxMinutes = input.FeedingIntervalMaxMinutes;
    }

    private static void CheckName(List<ValidationError> errors, string field, string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) errors.Add(new(field, "Please give a name."));
        else if (name.Length > MaxNameLength) errors.Add(new(field, $"Please keep it under {MaxNameLength} characters."));
    }

    private DateTimeOffset JournalTimesNow() => Journal.JournalTimes.Normalize(time.GetUtcNow());

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
}
