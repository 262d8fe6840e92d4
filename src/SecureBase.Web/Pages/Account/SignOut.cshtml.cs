using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecureBase.Storage;

namespace SecureBase.Web.Pages.Account;

/// <summary>Signing out is a POST (with anti-forgery) so that a link elsewhere cannot sign someone out.</summary>
[AllowAnonymous]
public sealed class SignOutModel(SignInManager<AppUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        TempData["Flash"] = "You're signed out. See you soon.";
        return RedirectToPage("/Account/SignIn");
    }
}
