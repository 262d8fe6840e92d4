using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SecureBase.Storage;
using SecureBase.Storage.Households;
using SecureBase.Storage.Hosting;
using SecureBase.Web.Pages.Shared;

namespace SecureBase.Web.Pages;

/// <summary>First run: creates the household and its first parent, then signs them in. Closed once a household exists.</summary>
[AllowAnonymous]
public sealed class SetupModel(
    SecureBaseDbContext db, HouseholdService households, UserManager<AppUser> users, SignInManager<AppUser> signIn, IOptions<SecureBaseOptions> options) : PageModel
{
    /// <summary>Open on first run, and afterwards only where the instance allows sign-up (a hosted service).</summary>
    private async Task<bool> IsOpenAsync() => options.Value.AllowSignUp || !await households.AnyHouseholdAsync();

    [BindProperty]
    public SetupInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync() =>
        await IsOpenAsync() ? Page() : Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await IsOpenAsync()) return Redirect("/");
        if (!ModelState.IsValid) return Page();

        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = new AppUser { UserName = Input.Email.Trim(), Email = Input.Email.Trim(), DisplayName = Input.YourName.Trim() };
        var created = await users.CreateAsync(user, Input.Password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors) ModelState.AddModelError(string.Empty, error.Description);
            return Page();
        }
        // An unknown browser time zone falls back to UTC rather than failing the whole setup.
        var zone = MemberPageModel.FindZone(Input.TimeZone);
        var household = await households.CreateAsync(Input.HouseholdName, zone.Id, user.Id, Input.YourName);
        if (!household.IsOk)
        {
            ModelStateErrors.Add(ModelState, household);
            return Page();
        }
        await transaction.CommitAsync();

        await signIn.SignInAsync(user, isPersistent: true);
        TempData["Flash"] = $"Welcome, {Input.YourName.Trim()}! Start by adding your child.";
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
    public string YourName { get; set; } = "";

    [Required(ErrorMessage = "We need an email to sign you in.")]
    [EmailAddress(ErrorMessage = "That doesn't look like an email address.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Please choose a password.")]
    [StringLength(200, MinimumLength = 8, ErrorMessage = "Please use at least 8 characters.")]
    public string Password { get; set; } = "";

    /// <summary>IANA time zone reported by the browser; UTC when missing or unknown.</summary>
    public string? TimeZone { get; set; }
}
