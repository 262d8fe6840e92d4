using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SecureBase.Care.Journal;
using SecureBase.Care.Journal.Format;
using SecureBase.Storage;
using SecureBase.Storage.Access;
using SecureBase.Storage.Hosting;
using SecureBase.Web.Pages.Shared;

namespace SecureBase.Web.Pages;

/// <summary>
/// First run only: brings a household over from another SecureBase (or a backup) by restoring its exported journal,
/// and makes the new account the file's first parent.
/// </summary>
[AllowAnonymous]
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public sealed class RestoreModel(AccountService accounts, SignInManager<AppUser> signIn, IOptions<SecureBaseOptions> options) : PageModel
{
    private const long MaxUploadBytes = 256L * 1024 * 1024;
    private const int ErrorsShown = 20;

    [BindProperty]
    public string Email { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    public IReadOnlyList<ValidationError> FileErrors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() =>
        await accounts.NeedsSetupAsync() ? Page() : Redirect("/");

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (!await accounts.NeedsSetupAsync(cancellationToken)) return Redirect("/");
        if (!AttemptLimiter.TryAcquire(HttpContext))
        {
            ModelState.AddModelError(string.Empty, AttemptLimiter.Message);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError(string.Empty, "Please choose the journal file (.json) you exported.");
            return Page();
        }
        await using var stream = file.OpenReadStream();
        var read = await JournalDocumentReader.ReadAsync(stream, new JournalReadOptions
        {
            TimeProvider = HttpContext.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System,
            MaxEntries = options.Value.MaxImportEntries,
            MaxBytes = MaxUploadBytes,
        }, cancellationToken);
        if (!read.IsValid)
        {
            FileErrors = (read.Errors.Count > 0 ? read.Errors : [new ValidationError("", "This file could not be read as a SecureBase journal.")]).Take(ErrorsShown).ToList();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var outcome = await accounts.RestoreAsync(Email, Password, read.Document!, caregiverId: null, cancellationToken);
        if (!outcome.IsOk)
        {
            if (outcome.Errors.Any(e => e.Field is "email" or "password")) ModelStateErrors.Add(ModelState, outcome, prefix: "");
            else FileErrors = (outcome.Errors.Count > 0 ? outcome.Errors : [new ValidationError("", outcome.Message ?? "The restore failed.")]).Take(ErrorsShown).ToList();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await signIn.SignInAsync(outcome.Value.User, isPersistent: true);
        TempData["Flash"] = $"Welcome back! {outcome.Value.Summary.EntriesAdded} entries restored.";
        return Redirect("/");
    }
}
