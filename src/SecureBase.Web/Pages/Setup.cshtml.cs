using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SecureBase.Storage;
using SecureBase.Storage.Access;
using SecureBase.Storage.Households;
using SecureBase.Storage.Hosting;
using SecureBase.Web.Pages.Shared;

namespace SecureBase.Web.Pages;

/// <summary>First run: creates the household and its first parent, then signs them in. Closed once a household exists.</summary>
[AllowAnonymous]
public sealed class SetupModel(
    AccountService accounts, HouseholdService households, SignInManager<AppUser> signIn, IOptions<SecureBaseOptions> options) : PageModel
{
    [BindProperty]
    public SetupInput Input { get; set; } = new();

    /// <summary>Open on first run, and afterwards only where the instance allows sign-up (a hosted service).</summary>
    private async Task<bool> IsOpenAsync() => options.Value.AllowSignUp || !await households.AnyHouseholdAsync();

    public async Task<IActionResult> OnGetAsync() =>
        await IsOpenAsync() ? Page() : Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await IsOpenAsync()) return Redirect("/");
        if (!AttemptLimiter.TryAcquire(HttpContext))
        {
            ModelState.AddModelError(string.Empty, AttemptLimiter.Message);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        if (!ModelState.IsValid) return Page();

        // An unknown browser time zone falls back to UTC rather than failing the whole setup.
        var zone = MemberPageModel.FindZone(Input.TimeZone);
        var outcome = await accounts.SignUpAsync(new SignUp(Input.Email, Input.Password, Input.DisplayName, Input.HouseholdName, zone.Id));
        if (!outcome.IsOk)
        {
            ModelStateErrors.Add(ModelState, outcome);
            return Page();
        }
        await signIn.SignInAsync(outcome.Value.User, isPersistent: true);
        TempData["Flash"] = $"Welcome, {outcome.Value.Membership.Caregiver.Name}! Start by adding your child.";
        return RedirectToPage("/Children/Edit");
    }
}

public sealed class SetupInput
{
    [Required(ErrorMessage = "Please give your household a name.")]
    [StringLength(200)]
    public string HouseholdName { get; set; } = "";

    [Required(ErrorMessage = "Please tell us your name.")]
    [StringLength(200)]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "We need an email to sign you in.")]
    [EmailAddress(ErrorMessage = "That doesn't look like an email address.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Please choose a password.")]
    [StringLength(200, MinimumLength = 10, ErrorMessage = "Please use at least 10 characters; a short sentence works well.")]
    public string Password { get; set; } = "";

    /// <summary>IANA time zone reported by the browser; UTC when missing or unknown.</summary>
    public string? TimeZone { get; set; }
}
