using Microsoft.AspNetCore.Http.HttpResults;
using SecureBase.Care.Journal;
using SecureBase.Storage.Journal;
using SecureBase.Web.Security;

namespace SecureBase.Web.Features.Timers;

/// <summary>Starts a feed or sleep timer: an entry with a start and no end yet.</summary>
public sealed record StartTimerRequest(string Type, Guid ChildId, Guid? Id, DateTimeOffset? StartedAt, FeedKind? Kind, SleepLocation? Location);

public sealed record StopTimerRequest(DateTimeOffset? EndedAt);

/// <summary>Feed and sleep timers; a running timer is an entry without an end.</summary>
public static class TimersApi
{
    public static RouteGroupBuilder MapTimersApi(this RouteGroupBuilder household)
    {
        ArgumentNullException.ThrowIfNull(household);
        var timers = household.MapGroup("/timers").WithTags("Timers");
        timers.MapGet("", async (Actor actor, JournalService journal, CancellationToken ct) =>
            TypedResults.Ok(await journal.ListRunningTimersAsync(actor.HouseholdId, ct)));
        timers.MapPost("", Start);
        timers.MapPost("/{entryId:guid}/stop", Stop);
        return household;
    }

    private static async Task<Results<Created<JournalEntry>, Ok<JournalEntry>, ValidationProblem, ProblemHttpResult>> Start(
        StartTimerRequest request, Actor actor, JournalService journal, TimeProvider time, HttpRequest http, CancellationToken ct)
    {
        JournalEntry entry = request.Type?.ToLowerInvariant() switch
        {
            "feed" => new FeedEntry { Kind = request.Kind ?? FeedKind.BreastBoth },
            "sleep" => new SleepEntry { Location = request.Location ?? SleepLocation.Crib },
            _ => null!,
        };
        if (entry is null) return Problems.Validation("type", "Timers run for a feed or a sleep.");
        entry.Id = request.Id ?? Guid.CreateVersion7();
        entry.ChildId = request.ChildId;
        entry.StartedAt = request.StartedAt ?? time.GetUtcNow();
        var result = await journal.CreateAsync(actor.HouseholdId, entry, actor.Author, ct);
        return result.Status switch
        {
            EntryWriteStatus.Created => TypedResults.Created($"{http.PathBase}/api/households/{actor.HouseholdId}/entries/{entry.Id}", result.Entry),
            EntryWriteStatus.AlreadyExists => TypedResults.Ok(result.Entry!),
            EntryWriteStatus.IdTaken => Problems.Conflict("This id is already in use. Choose a new id for a new entry."),
            _ => Problems.Validation(result.Errors),
        };
    }

    private static async Task<Results<Ok<JournalEntry>, ValidationProblem, ProblemHttpResult>> Stop(
        Guid entryId, StopTimerRequest? request, Actor actor, JournalService journal, CancellationToken ct)
    {
        var result = await journal.StopTimerAsync(actor.HouseholdId, entryId, request?.EndedAt, actor.Author, ct);
        return result.Status switch
        {
            EntryWriteStatus.Updated => TypedResults.Ok(result.Entry!),
            EntryWriteStatus.NotFound => Problems.NotFound("There is no such timer in this household."),
            _ => Problems.Validation(result.Errors),
        };
    }
}
