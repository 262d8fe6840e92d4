using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SecureBase.Care.Journal;
using SecureBase.Care.Journal.Format;
using SecureBase.Storage;
using SecureBase.Storage.Access;
using SecureBase.Storage.Households;
using SecureBase.Storage.Hosting;
using SecureBase.Web.Pages.Shared;

namespace SecureBase.Web.Pages;

/// <summary>First run: creates the household and its first parent, then signs them in. Closed once a household exists.</summary>
[AllowAnonymous]
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public sealed class SetupModel(
    AccountService accounts, HouseholdService households, SignInManager<AppUser> signIn, IOptions<SecureBaseOptions> options) : PageModel
{
    private const long MaxUploadBytes = 256L * 1024 * 1024;
    private const int ErrorsShown = 20;

    [BindProperty]
    public SetupInput Input { get; set; } = new();

    /// <summary>What is wrong with a journal file offered for restoring; empty when none was sent.</summary>
    public IReadOnlyList<ValidationError> RestoreErrors { get; private set; } = [];

    /// <summary>True when the page should open on the restore form (after a failed restore).</summary>
    public bool ShowRestore { get; private set; }

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

    /// <summary>
    /// First run only: brings a household over from another SecureBase (or a backup) by restoring its exported
    /// journal; the new account becomes the file's first parent.
    /// </summary>
    public async Task<IActionResult> OnPostRestoreAsync(IFormFile? file, string? restoreEmail, string? restorePassword, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        ShowRestore = true;
        if (!await accounts.NeedsSetupAsync(cancellationToken)) return Redirect("/");
        if (!AttemptLimiter.TryAcquire(HttpContext)) return RestoreRefused([new ValidationError("", AttemptLimiter.Message)], StatusCodes.Status429TooManyRequests);
        if (file is null || file.Length == 0) return RestoreRefused([new ValidationError("", "Please choose the journal file (.json) you exported.")]);

        await using var stream = file.OpenReadStream();
        var read = await JournalDocumentReader.ReadAsync(stream, new JournalReadOptions
        {
            TimeProvider = HttpContext.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System,
            MaxEntries = options.Value.MaxImportEntries,
            MaxBytes = MaxUploadBytes,
        }, cancellationToken);
        if (!read.IsValid)
            return RestoreRefused(read.Errors.Count > 0 ? read.Errors : [new ValidationError("", "This file could not be read as a SecureBase journal.")]);

        var outcome = await accounts.RestoreAsync(restoreEmail ?? "", restorePassword ?? "", read.Document!, caregiverId: null, cancellationToken);
        if (!outcome.IsOk)
            return RestoreRefused(outcome.Errors.Count > 0 ? outcome.Errors : [new ValidationError("", outcome.Message ?? "The restore failed.")]);
        await signIn.SignInAsync(outcome.Value.User, isPersistent: true);
        TempData["Flash"] = $"Welcome back! {outcome.Value.Summary.EntriesAdded} entries restored.";
        return Redirect("/");
    }

    private PageResult RestoreRefused(IReadOnlyList<ValidationError> errors, int status = StatusCodes.Status400BadRequest)
    {
        RestoreErrors = errors.Take(ErrorsShown).ToList();
        Response.StatusCode = status;
        return Page();
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
