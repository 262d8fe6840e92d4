using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecureBase.Care.Households;
using SecureBase.Storage;
using SecureBase.Storage.Access;
using SecureBase.Storage.Households;
using SecureBase.Web.Pages.Shared;

namespace SecureBase.Web.Pages.Invitations;

/// <summary>
/// Opens an invitation by its link or typed code. A newcomer creates their account here and joins; someone already
/// signed in joins with one tap.
/// </summary>
[AllowAnonymous]
public sealed class AcceptModel(
    InvitationService invitations, HouseholdService households, AccountService accounts, UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    /// <summary>The link's secret or the typed code.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public JoinInput Input { get; set; } = new();

    public Invitation? Invitation { get; private set; }
    public string? HouseholdName { get; private set; }
    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!string.IsNullOrWhiteSpace(Token)) await FindAsync();
        if (Invitation is not null) Input.DisplayName = Invitation.Name ?? "";
        return Page();
    }

    /// <summary>Checks a typed code (or a pasted link secret) and shows what it opens.</summary>
    public async Task<IActionResult> OnPostCheckAsync()
    {
        ModelState.Clear();
        if (!AttemptLimiter.TryAcquire(HttpContext)) return Refuse(AttemptLimiter.Message, StatusCodes.Status429TooManyRequests);
        await FindAsync();
        if (Invitation is not null) Input.DisplayName = Invitation.Name ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostJoinAsync()
    {
        if (!AttemptLimiter.TryAcquire(HttpContext)) return Refuse(AttemptLimiter.Message, StatusCodes.Status429TooManyRequests);
        if (!await FindAsync()) return Page();

        if (SignedIn)
        {
            var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
            var user = await users.FindByIdAsync(userId);
            var joined = await invitations.AcceptAsync(Token!, userId, user?.DisplayName ?? Input.DisplayName);
            if (!joined.IsOk) return Refuse(joined.Message ?? "That didn't work.");
            TempData["Flash"] = $"Welcome to {joined.Value!.Household.Name}!";
            return Redirect("/");
        }

        ModelState.Remove(nameof(Token));
        if (!ModelState.IsValid) return Page();
        var outcome = await accounts.SignUpAsync(new SignUp(Input.Email, Input.Password, Input.DisplayName, Invitation: Token));
        if (!outcome.IsOk)
        {
            ModelStateErrors.Add(ModelState, outcome);
            return Page();
        }
        await signIn.SignInAsync(outcome.Value.User, isPersistent: true);
        TempData["Flash"] = $"Welcome to {outcome.Value.Membership.Household.Name}, {outcome.Value.Membership.Caregiver.Name}!";
        return Redirect("/");
    }

    private async Task<bool> FindAsync()
    {
        Invitation = string.IsNullOrWhiteSpace(Token) ? null : await invitations.FindUsableAsync(Token);
        if (Invitation is null)
        {
            ModelState.AddModelError(string.Empty, "This invitation doesn't work any more: it may have expired, been used or been withdrawn. Please ask for a new one.");
            return false;
        }
        HouseholdName = (await households.GetAsync(Invitation.HouseholdId))?.Name;
        return true;
    }

    private PageResult Refuse(string message, int status = StatusCodes.Status400BadRequest)
    {
        ModelState.AddModelError(string.Empty, message);
        Response.StatusCode = status;
        Invitation = null;
        return Page();
    }

    public static string RoleText(CaregiverRole role) => role switch
    {
        CaregiverRole.Parent => "a parent",
        CaregiverRole.Caregiver => "a caregiver",
        _ => "a viewer",
    };
}

public sealed class JoinInput
{
    [Required(ErrorMessage = "Please tell us your name.")]
    [StringLength(200)]
    public string DisplayName { get; set; } = "";

    [EmailAddress(ErrorMessage = "That doesn't look like an email address.")]
    public string Email { get; set; } = "";

    [StringLength(200, MinimumLength = 10, ErrorMessage = "Please use at least 10 characters; a short sentence works well.")]
    public string Password { get; set; } = "";
}
