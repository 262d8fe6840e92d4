using Microsoft.AspNetCore.Http.HttpResults;
using SecureBase.Care.Journal;
using SecureBase.Storage.Journal;
using SecureBase.Web.Security;

namespace SecureBase.Web.Features.Entries;

/// <summary>The care journal: list with filters and paging, read, create (idempotent by the client's id), edit, delete, audit.</summary>
public static class EntriesApi
{
    public static RouteGroupBuilder MapEntriesApi(this RouteGroupBuilder household)
    {
        ArgumentNullException.ThrowIfNull(household);
        var entries = household.MapGroup("/entries").WithTags("Journal");
        entries.MapGet("", List);
        entries.MapGet("/{entryId:guid}", Get);
        entries.MapPost("", Create).Accepts<JournalEntry>("application/json").AllowDevices();
        entries.MapPut("/{entryId:guid}", Update).Accepts<JournalEntry>("application/json");
        entries.MapDelete("/{entryId:guid}", Delete);
        entries.MapGet("/{entryId:guid}/audit", Audit);
        return household;
    }

    private static async Task<Results<Ok<EntryPage>, ValidationProblem>> List(
        Actor actor, JournalService journal, Guid? childId, DateTimeOffset? from, DateTimeOffset? to, string? type, int? page, int? pageSize, CancellationToken ct)
    {
        EntryType? entryType = null;
        if (!string.IsNullOrEmpty(type))
        {
            if (!EntryTypeNames.TryParse(type, out var parsed)) return Problems.Validation("type", "Use feed, diaper, sleep, cry, connection, milestone, note or checkIn.");
            entryType = parsed;
        }
        if (page is < 1) return Problems.Validation("page", "Pages count from 1.");
        if (pageSize is < 1 or > EntryQuery.MaxPageSize) return Problems.Validation("pageSize", $"Use a page size between 1 and {EntryQuery.MaxPageSize}.");
        if (from is not null && to is not null && to < from) return Problems.Validation("to", "The end of the range is before its start.");
        return TypedResults.Ok(await journal.ListAsync(actor.HouseholdId, new EntryQuery(childId, from, to, entryType, page ?? 1, pageSize ?? 50), ct));
    }

    private static async Task<Results<Ok<JournalEntry>, ProblemHttpResult>> Get(Guid entryId, Actor actor, JournalService journal, CancellationToken ct) =>
        await journal.GetAsync(actor.HouseholdId, entryId, ct) is { } entry ? TypedResults.Ok(entry) : Problems.NotFound("There is no such entry in this household.");

    private static async Task<Results<Created<JournalEntry>, Ok<JournalEntry>, ValidationProblem, ProblemHttpResult>> Create(
        HttpRequest request, Actor actor, JournalService journal, CancellationToken ct)
    {
        var (entry, error) = await EntryBody.ReadAsync(request);
        if (error is not null) return Problems.Validation([error]);
        if (actor.IsDevice && (entry is not CryEpisodeEntry || entry.ChildId != actor.DeviceChildId))
            return Problems.Forbidden("A nursery device may only report cry episodes of its own child.");
        var result = await journal.CreateAsync(actor.HouseholdId, entry!, actor.Author, ct);
        return result.Status switch
        {
            EntryWriteStatus.Created => TypedResults.Created($"{request.PathBase}{request.Path}/{result.Entry!.Id}", result.Entry),
            EntryWriteStatus.AlreadyExists => TypedResults.Ok(result.Entry!),
            EntryWriteStatus.IdTaken => Problems.Conflict("This id is already in use. Choose a new id for a new entry."),
            _ => Problems.Validation(result.Errors),
        };
    }

    private static async Task<Results<Ok<JournalEntry>, ValidationProblem, ProblemHttpResult>> Update(
        Guid entryId, HttpRequest request, Actor actor, JournalService journal, CancellationToken ct)
    {
        var (entry, error) = await EntryBody.ReadAsync(request);
        if (error is not null) return Problems.Validation([error]);
        if (entry!.Id != Guid.Empty && entry.Id != entryId) return Problems.Validation("id", "The id in the body differs from the one in the address.");
        var result = await journal.UpdateAsync(actor.HouseholdId, entryId, entry, actor.Author, ct);
        return result.Status switch
        {
            EntryWriteStatus.Updated => TypedResults.Ok(result.Entry!),
            EntryWriteStatus.NotFound => Problems.NotFound("There is no such entry in this household."),
            _ => Problems.Validation(result.Errors),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid entryId, Actor actor, JournalService journal, CancellationToken ct)
    {
        var result = await journal.DeleteAsync(actor.HouseholdId, entryId, actor.Author, ct);
        return result.Status == EntryWriteStatus.Deleted ? TypedResults.NoContent() : Problems.NotFound("There is no such entry in this household.");
    }

    private static async Task<Results<Ok<IReadOnlyList<AuditView>>, ProblemHttpResult>> Audit(Guid entryId, Actor actor, JournalService journal, CancellationToken ct)
    {
        var audit = await journal.GetAuditAsync(actor.HouseholdId, entryId, ct);
        return audit.Count == 0 ? Problems.NotFound("There is no such entry in this household.") : TypedResults.Ok(audit);
    }
}
