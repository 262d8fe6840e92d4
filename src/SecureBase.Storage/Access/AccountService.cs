using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SecureBase.Care.Households;
using SecureBase.Care.Journal;
using SecureBase.Storage.Households;
using SecureBase.Storage.Hosting;
using SecureBase.Storage.Journal;

namespace SecureBase.Storage.Access;

/// <summary>A sign-up: the account, and either a new household or an invitation to join one.</summary>
public sealed record SignUp(string Email, string Password, string DisplayName, string? HouseholdName = null, string? TimeZone = null, string? Invitation = null);

/// <summary>Accounts: sign-up into a new household (first run, or when sign-up is open), by invitation, or by restoring a journal.</summary>
public sealed class AccountService(
    UserManager<AppUser> users,
    SecureBaseDbContext db,
    HouseholdService households,
    InvitationService invitations,
    JournalTransfer transfer,
    IOptions<SecureBaseOptions> options)
{
    /// <summary>True while the instance has no household: the first visitor sets it up.</summary>
    public async Task<bool> NeedsSetupAsync(CancellationToken cancellationToken = default) => !await households.AnyHouseholdAsync(cancellationToken);

    public async Task<Outcome<(AppUser User, Membership Membership)>> SignUpAsync(SignUp request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Length > 200) errors.Add(new("displayName", "Please tell us your name."));
        var joining = !string.IsNullOrWhiteSpace(request.Invitation);
        if (!joining && string.IsNullOrWhiteSpace(request.HouseholdName)) errors.Add(new("householdName", "Please name your household (for example \"The Martins\")."));
        if (errors.Count > 0) return Outcome<(AppUser, Membership)>.Invalid(errors);

        if (joining)
        {
            if (await invitations.FindUsableAsync(request.Invitation!, cancellationToken) is null)
                return Outcome<(AppUser, Membership)>.Invalid("invitation", "This invitation is not valid any more. Ask for a new one.");
        }
        else if (!options.Value.AllowSignUp && await households.AnyHouseholdAsync(cancellationToken))
        {
            return Outcome<(AppUser, Membership)>.Forbidden("This SecureBase already has its household. Ask one of its parents for an invitation.");
        }

        var created = await CreateUserAsync(request.Email, request.Password, request.DisplayName);
        if (!created.IsOk) return created.As<(AppUser, Membership)>();
        var user = created.Value!;
        var membership = joining
            ? await invitations.AcceptAsync(request.Invitation!, user.Id, request.DisplayName, cancellationToken)
            : await households.CreateAsync(request.HouseholdName!, request.TimeZone, user.Id, request.DisplayName, cancellationToken);
        if (!membership.IsOk)
        {
            await users.DeleteAsync(user);
            return membership.As<(AppUser, Membership)>();
        }
        return Outcome<(AppUser, Membership)>.Ok((user, membership.Value!));
    }

    /// <summary>
    /// First run only: restores an exported journal as this instance's household and makes the new account the
    /// document's caregiver <paramref name="caregiverId"/> (by default its first parent).
    /// </summary>
    public async Task<Outcome<(AppUser User, ImportSummary Summary)>> RestoreAsync(string email, string password, JournalDocument document, Guid? caregiverId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!await NeedsSetupAsync(cancellationToken))
            return Outcome<(AppUser, ImportSummary)>.Forbidden("This SecureBase already has its household; restoring is only offered on first run. Import into your household instead.");
        var caregiver = caregiverId is { } id
            ? document.Caregivers.FirstOrDefault(c => c.Id == id)
            : document.Caregivers.FirstOrDefault(c => c.Role == CaregiverRole.Parent);
        if (caregiver is null) return Outcome<(AppUser, ImportSummary)>.Invalid("caregiverId", "Say which of the file's caregivers you are (a parent).");

        var created = await CreateUserAsync(email, password, caregiver.Name);
        if (!created.IsOk) return created.As<(AppUser, ImportSummary)>();
        var restored = await transfer.RestoreAsync(document, cancellationToken);
        if (!restored.IsOk)
        {
            await users.DeleteAsync(created.Value!);
            return restored.As<(AppUser, ImportSummary)>();
        }
        await db.Caregivers.Where(c => c.Id == caregiver.Id && c.HouseholdId == document.Household.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UserId, created.Value!.Id), cancellationToken);
        return Outcome<(AppUser, ImportSummary)>.Ok((created.Value!, restored.Value!));
    }

    /// <summary>Creates an account, turning Identity's complaints into field errors.</summary>
    public async Task<Outcome<AppUser>> CreateUserAsync(string email, string password, string displayName)
    {
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal) || email.Length > 256)
            return Outcome<AppUser>.Invalid("email", "Please enter an email address.");
        var user = new AppUser { UserName = email.Trim(), Email = email.Trim(), DisplayName = displayName.Trim() };
        var result = await users.CreateAsync(user, password ?? "");
        if (result.Succeeded) return Outcome<AppUser>.Ok(user);
        return Outcome<AppUser>.Invalid(result.Errors.Select(e => new ValidationError(
            e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email",
            e.Code is "DuplicateUserName" or "DuplicateEmail" ? "There is already an account with this email address." : e.Description)).ToList());
    }
}
