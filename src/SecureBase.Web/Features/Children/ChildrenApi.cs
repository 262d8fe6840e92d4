using Microsoft.AspNetCore.Http.HttpResults;
using SecureBase.Care.Households;
using SecureBase.Storage;
using SecureBase.Storage.Households;
using SecureBase.Web.Security;

namespace SecureBase.Web.Features.Children;

public sealed record ChildRequest(string Name, DateOnly BirthDate, string? Pronoun, int? FeedingIntervalMinMinutes, int? FeedingIntervalMaxMinutes)
{
    public ChildInput ToInput() => new(Name, BirthDate, Pronoun, FeedingIntervalMinMinutes, FeedingIntervalMaxMinutes);
}

public sealed record ChildResponse(Guid Id, string Name, DateOnly BirthDate, string Pronoun, int? FeedingIntervalMinMinutes, int? FeedingIntervalMaxMinutes)
{
    public static ChildResponse From(Child c) => new(c.Id, c.Name, c.BirthDate, c.Pronoun, c.FeedingIntervalMinMinutes, c.FeedingIntervalMaxMinutes);
}

/// <summary>The household's children: everyone reads, parents change.</summary>
public static class ChildrenApi
{
    public static RouteGroupBuilder MapChildrenApi(this RouteGroupBuilder household)
    {
        ArgumentNullException.ThrowIfNull(household);
        var children = household.MapGroup("/children").WithTags("Children");
        children.MapGet("", async (Actor actor, HouseholdService households, CancellationToken ct) =>
            TypedResults.Ok((await households.ListChildrenAsync(actor.HouseholdId, ct)).Select(ChildResponse.From).ToList())).AllowDevices();
        children.MapGet("/{childId:guid}", async Task<Results<Ok<ChildResponse>, ProblemHttpResult>> (Guid childId, Actor actor, HouseholdService households, CancellationToken ct) =>
            await households.GetChildAsync(actor.HouseholdId, childId, ct) is { } child ? TypedResults.Ok(ChildResponse.From(child)) : Problems.NotFound("There is no such child in this household."));
        children.MapPost("", async (ChildRequest request, Actor actor, HouseholdService households, CancellationToken ct) =>
            Problems.OkOr(await households.AddChildAsync(actor.HouseholdId, request.ToInput(), ct), ChildResponse.From))
            .RequireHouseholdAccess(HouseholdAccessLevel.Admin);
        children.MapPut("/{childId:guid}", async (Guid childId, ChildRequest request, Actor actor, HouseholdService households, CancellationToken ct) =>
            Problems.OkOr(await households.UpdateChildAsync(actor.HouseholdId, childId, request.ToInput(), ct), ChildResponse.From))
            .RequireHouseholdAccess(HouseholdAccessLevel.Admin);
        children.MapDelete("/{childId:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid childId, Actor actor, HouseholdService households, CancellationToken ct) =>
        {
            var outcome = await households.DeleteChildAsync(actor.HouseholdId, childId, ct);
            return outcome.IsOk ? TypedResults.NoContent() : Problems.Failure(outcome);
        }).RequireHouseholdAccess(HouseholdAccessLevel.Admin);
        return household;
    }
}
