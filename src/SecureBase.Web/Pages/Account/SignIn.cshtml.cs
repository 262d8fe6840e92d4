using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecureBase.Storage;
using SecureBase.Storage.Households;
using SecureBase.Web.Pages.Shared;

namespace SecureBase.Web.Pages.Account;

/// <summary>Password sign-in: attempts are limited per address, and repeated failures lock the account for a while (Identity lockout).</summary>
[AllowAnonymous]
public sealed class SignInModel(HouseholdService households, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Please enter your email."), EmailAddress(ErrorMessage = "That doesn't look like an email address.")]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Please enter your password.")]
    public string Password { get; set; } = "";

    [BindProperty]
    public bool RememberMe { get; set; } = true;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await households.AnyHouseholdAsync()) return RedirectToPage("/Setup");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!AttemptLimiter.TryAcquire(HttpContext))
        {
            ModelState.AddModelError(string.Empty, AttemptLimiter.Message);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        if (!ModelState.IsValid) return Page();
        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, RememberMe, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? "Too many attempts in a row. Please take a breather and try again in a few minutes."
            : result.IsNotAllowed
                ? "This account can't sign in yet."
                : "That email and password don't match. Please try again.");
        return Page();
    }
}
