using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SecureBase.Care.Households;
using SecureBase.Storage.Households;
using SecureBase.Web.Features.Account;
using SecureBase.Web.Security;

namespace SecureBase.Web.Features.Households;

public sealed record HouseholdResponse(Guid Id, string Name, string TimeZone, DateTimeOffset CreatedAt, Guid MyCaregiverId, CaregiverRole MyRole);

public sealed record HouseholdUpdate(string Name, string TimeZone);

/// <summary>The households a user belongs to, and one household's settings.</summary>
public static class HouseholdsApi
{
    /// <summary><c>GET /api/households</c>: the caller's households (only the token's one for a token).</summary>
    public static RouteGroupBuilder MapHouseholdsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/households", async (ClaimsPrincipal user, HouseholdService households, CancellationToken ct) =>
        {
            var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
            var tokenHousehold = user.FindFirstValue(SecureBaseClaims.TokenHousehold);
            var memberships = await households.MembershipsAsync(userId, ct);
            return TypedResults.Ok(memberships.Where(m => tokenHousehold is null || m.Household.Id.ToString() == tokenHousehold)
                .Select(AccountApi.ToResponse).ToList());
        }).WithTags("Households");
        return api;
    }

    /// <summary>The household itself, under <c>/api/households/{householdId}</c>.</summary>
    public static RouteGroupBuilder MapHouseholdApi(this RouteGroupBuilder household)
    {
        ArgumentNullException.ThrowIfNull(household);
        household.MapGet("", Get).AllowDevices().WithTags("Households");
        household.MapPut("", Update).RequireHouseholdAccess(HouseholdAccessLevel.Admin).WithTags("Households");
        return household;
    }

    private static async Task<Results<Ok<HouseholdResponse>, ProblemHttpResult>> Get(Actor actor, HouseholdService households, CancellationToken ct)
    {
        var household = await households.GetAsync(actor.HouseholdId, ct);
        return household is null ? Problems.NotFound() : TypedResults.Ok(ToResponse(household, actor));
    }

    private static async Task<Results<Ok<HouseholdResponse>, ValidationProblem, ProblemHttpResult>> Update(
        HouseholdUpdate request, Actor actor, HouseholdService households, CancellationToken ct) =>
        Problems.OkOr(await households.UpdateAsync(actor.HouseholdId, request.Name, request.TimeZone, ct), h => ToResponse(h, actor));

    private static HouseholdResponse ToResponse(Household h, Actor actor) =>
        new(h.Id, h.Name, h.TimeZone, h.CreatedAt, actor.CaregiverId, actor.Role);
}
