using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SecureBase.Care.Households;
using SecureBase.Storage.Households;
using SecureBase.Storage.Hosting;
using SecureBase.Storage.Journal;

namespace SecureBase.Storage.Access;

/// <summary>A new invitation with its secrets, which are shown once and never stored in clear.</summary>
public sealed record CreatedInvitation(Invitation Invitation, string LinkSecret, string Code);

/// <summary>Invitations to join a household: created by parents, redeemed once by link or code before they expire.</summary>
public sealed class InvitationService(SecureBaseDbContext db, TimeProvider time, IOptions<SecureBaseOptions> options)
{
    private DateTimeOffset Now => JournalTimes.Normalize(time.GetUtcNow());

    public async Task<Outcome<CreatedInvitation>> CreateAsync(Guid householdId, CaregiverRole role, string? name, Guid createdBy, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(role)) return Outcome<CreatedInvitation>.Invalid("role", "Choose parent, caregiver or viewer.");
        if (name is { Length: > 200 }) return Outcome<CreatedInvitation>.Invalid("name", "Please keep it under 200 characters.");
        var link = Secrets.NewToken("sbi_");
        var code = Secrets.NewCode();
        var invitation = new Invitation
        {
            Id = Guid.CreateVersion7(),
            HouseholdId = householdId,
            Role = role,
            Name = string.IsNullOrWhiteSpace(name) ? null : name.Trim(),
            LinkHash = Secrets.Hash(link),
            CodeHash = Secrets.Hash(Secrets.NormalizeCode(code)),
            CreatedByCaregiverId = createdBy,
            CreatedAt = Now,
            ExpiresAt = Now.AddHours(options.Value.InvitationLifetimeHours),
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return Outcome<CreatedInvitation>.Ok(new CreatedInvitation(invitation, link, code));
    }

    public async Task<IReadOnlyList<Invitation>> ListAsync(Guid householdId, CancellationToken cancellationToken = default) =>
        await db.Invitations.AsNoTracking().Where(i => i.HouseholdId == householdId).OrderByDescending(i => i.CreatedAt).ToListAsync(cancellationToken);

    public async Task<Outcome<Invitation>> RevokeAsync(Guid householdId, Guid invitationId, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var changed = await db.Invitations.Where(i => i.HouseholdId == householdId && i.Id == invitationId && i.AcceptedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAt, now), cancellationToken);
        var invitation = await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.HouseholdId == householdId && i.Id == invitationId, cancellationToken);
        if (invitation is null) return Outcome<Invitation>.NotFound("There is no such invitation.");
        return changed == 1 ? Outcome<Invitation>.Ok(invitation) : Outcome<Invitation>.Conflict("This invitation has already been used or withdrawn.");
    }

    /// <summary>The invitation a link secret or code opens, if it can still be used.</summary>
    public async Task<Invitation?> FindUsableAsync(string secretOrCode, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(secretOrCode) || secretOrCode.Length > 200) return null;
        var linkHash = Secrets.Hash(secretOrCode.Trim());
        var codeHash = Secrets.Hash(Secrets.NormalizeCode(secretOrCode));
        var now = Now;
        return await db.Invitations.AsNoTracking()
            .FirstOrDefaultAsync(i => (i.LinkHash == linkHash || i.CodeHash == codeHash) && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now, cancellationToken);
    }

    /// <summary>Joins the user to the invitation's household. Single use: of two concurrent accepts, one wins.</summary>
    public async Task<Outcome<Membership>> AcceptAsync(string secretOrCode, string userId, string displayName, CancellationToken cancellationToken = default)
    {
        var invitation = await FindUsableAsync(secretOrCode, cancellationToken);
        if (invitation is null) return Outcome<Membership>.NotFound("This invitation is not valid any more. Ask for a new one.");
        if (await db.Caregivers.AnyAsync(c => c.HouseholdId == invitation.HouseholdId && c.UserId == userId, cancellationToken))
            return Outcome<Membership>.Conflict("You are already a member of this household.");

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = Now;
        var claimed = await db.Invitations.Where(i => i.Id == invitation.Id && i.AcceptedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now).SetProperty(i => i.AcceptedByUserId, userId), cancellationToken);
        if (claimed != 1) return Outcome<Membership>.Conflict("This invitation has just been used. Ask for a new one.");
        var caregiver = new Caregiver
        {
            Id = Guid.CreateVersion7(),
            HouseholdId = invitation.HouseholdId,
            Name = string.IsNullOrWhiteSpace(displayName) ? invitation.Name ?? "Caregiver" : displayName.Trim(),
            Role = invitation.Role,
            UserId = userId,
        };
        db.Caregivers.Add(caregiver);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        var household = await db.Households.AsNoTracking().FirstAsync(h => h.Id == invitation.HouseholdId, cancellationToken);
        return Outcome<Membership>.Ok(new Membership(household, caregiver));
    }
}
