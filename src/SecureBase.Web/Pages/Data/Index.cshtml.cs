using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SecureBase.Care.Journal;
using SecureBase.Care.Journal.Format;
using SecureBase.Storage.Hosting;
using SecureBase.Storage.Journal;
using SecureBase.Web.Features.Rota;
using SecureBase.Web.Pages.Shared;

namespace SecureBase.Web.Pages.Data;

/// <summary>
/// The whole journal out (the SecureBase journal format, JSON; CSV per entry type) and a journal file in. An import
/// is checked completely before anything is written, and then applied entirely or not at all.
/// </summary>
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public sealed class DataIndexModel(JournalTransfer transfer, HouseholdRota rotas, IOptions<SecureBaseOptions> options) : MemberPageModel
{
    private const long MaxUploadBytes = 256L * 1024 * 1024;
    private const int ErrorsShown = 20;

    public ImportSummary? Imported { get; private set; }
    public IReadOnlyList<ValidationError> ImportErrors { get; private set; } = [];
    public int MoreErrors { get; private set; }

    public void OnGet()
    {
    }

    /// <summary>Streams the journal document straight to the browser as a download.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var document = await transfer.ExportAsync(Household.Id, cancellationToken);
        if (document is null) return NotFound();
        Response.ContentType = "application/json";
        Response.Headers.ContentDisposition = $"attachment; filename=\"securebase-journal-{document.ExportedAt:yyyy-MM-dd}.json\"";
        await JournalDocumentWriter.WriteAsync(document, Response.Body, cancellationToken);
        return new EmptyResult();
    }

    /// <summary>One entry type as CSV (times in the household's zone, people by name), for a spreadsheet.</summary>
    public async Task<IActionResult> OnGetCsvAsync(EntryType type, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(type)) return NotFound();
        var document = await transfer.ExportAsync(Household.Id, cancellationToken);
        if (document is null) return NotFound();
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        JournalCsv.Write(document, type, writer);
        return File(System.Text.Encoding.UTF8.GetBytes(writer.ToString()), "text/csv; charset=utf-8", JournalCsv.FileName(type));
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (RefuseUnlessCanLog() is { } refused) return refused;
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError(string.Empty, "Please choose a journal file (.json) to import.");
            return Page();
        }
        await using var stream = file.OpenReadStream();
        var read = await JournalDocumentReader.ReadAsync(stream, new JournalReadOptions
        {
            TimeProvider = Clock,
            MaxEntries = options.Value.MaxImportEntries,
            MaxBytes = MaxUploadBytes,
        }, cancellationToken);
        if (!read.IsValid)
        {
            ShowErrors(read.Errors.Count > 0 ? read.Errors : [new ValidationError("", "This file could not be read as a SecureBase journal.")]);
            return Page();
        }
        var outcome = await transfer.ImportAsync(Household.Id, read.Document!, mayChangeRota: IsParent, cancellationToken);
        if (outcome.Value?.RotaAdded == true) rotas.Invalidate(Household.Id);
        if (!outcome.IsOk)
        {
            ShowErrors(outcome.Errors.Count > 0 ? outcome.Errors : [new ValidationError("", outcome.Message ?? "The import failed.")]);
            return Page();
        }
        Imported = outcome.Value;
        return Page();
    }

    private void ShowErrors(IReadOnlyList<ValidationError> errors)
    {
        ImportErrors = errors.Take(ErrorsShown).ToList();
        MoreErrors = Math.Max(0, errors.Count - ErrorsShown);
        Response.StatusCode = StatusCodes.Status400BadRequest;
    }
}
