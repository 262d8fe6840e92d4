using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SecureBase.Care.Journal.Format;
using SecureBase.Storage.Hosting;
using SecureBase.Storage.Journal;
using SecureBase.Web.Features.Rota;
using SecureBase.Web.Security;

namespace SecureBase.Web.Features.Transfer;

/// <summary>The whole journal in and out: the SecureBase journal format (JSON) and CSV per entry type.</summary>
public static class TransferApi
{
    public static RouteGroupBuilder MapTransferApi(this RouteGroupBuilder household)
    {
        ArgumentNullException.ThrowIfNull(household);
        household.MapGet("/export", Export).WithTags("Export and import");
        household.MapGet("/export/{type}.csv", ExportCsv).WithTags("Export and import").WithSummary("One entry type as CSV (feed, diaper, sleep, cry, connection, milestone, note, checkIn).");
        household.MapPost("/import", Import).WithTags("Export and import")
            .Accepts<Care.Journal.JournalDocument>("application/json")
            .WithMetadata(new RequestSizeLimitAttribute(256L * 1024 * 1024));
        return household;
    }

    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> Export(Actor actor, JournalTransfer transfer, CancellationToken ct)
    {
        var document = await transfer.ExportAsync(actor.HouseholdId, ct);
        if (document is null) return Problems.NotFound();
        return TypedResults.Stream(stream => JournalDocumentWriter.WriteAsync(document, stream, ct), "application/json",
            $"securebase-journal-{document.ExportedAt:yyyy-MM-dd}.json");
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportCsv(string type, Actor actor, JournalTransfer transfer, CancellationToken ct)
    {
        if (!EntryTypeNames.TryParse(type, out var entryType)) return Problems.Validation("type", "Use feed, diaper, sleep, cry, connection, milestone, note or checkIn.");
        var document = await transfer.ExportAsync(actor.HouseholdId, ct);
        if (document is null) return Problems.NotFound();
        using var writer = new StringWriter();
        JournalCsv.Write(document, entryType, writer);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(writer.ToString()), "text/csv", JournalCsv.FileName(entryType));
    }

    /// <summary>Adds a journal file to the household: checked completely first, then applied in one transaction.</summary>
    private static async Task<Results<Ok<ImportSummary>, ValidationProblem, ProblemHttpResult>> Import(
        HttpRequest request, Actor actor, JournalTransfer transfer, HouseholdRota rotas, TimeProvider time, IOptions<SecureBaseOptions> options, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        var read = await JournalDocumentReader.ReadAsync(request.Body, new JournalReadOptions { TimeProvider = time, MaxEntries = options.Value.MaxImportEntries }, ct);
        var readTime = time.GetElapsedTime(started);
        if (!read.IsValid) return Problems.Validation(read.Errors);
        // Only a parent may set who is woken first; the alert routing then reads the imported rota, not its cached copy.
        var outcome = await transfer.ImportAsync(actor.HouseholdId, read.Document!, mayChangeRota: actor.IsParent, ct);
        if (outcome.Value?.RotaAdded == true) rotas.Invalidate(actor.HouseholdId);
        // Where an import's time goes (reading and checking the file, then storing it), for the load benchmark and
        // browsers' developer tools.
        request.HttpContext.Response.Headers["Server-Timing"] = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"read;dur={readTime.TotalMilliseconds:0.0}, store;dur={(time.GetElapsedTime(started) - readTime).TotalMilliseconds:0.0}");
        return Problems.OkOr(outcome, summary => summary);
    }
}
