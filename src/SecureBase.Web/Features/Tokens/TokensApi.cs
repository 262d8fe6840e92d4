using Microsoft.AspNetCore.Http.HttpResults;
using SecureBase.Storage.Access;
using SecureBase.Web.Security;

namespace SecureBase.Web.Features.Tokens;

public sealed record TokenRequest(ApiTokenKind Kind, string Name, Guid? ChildId);

public sealed record TokenResponse(Guid Id, ApiTokenKind Kind, string Name, string Prefix, Guid CaregiverId, Guid? ChildId, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    public static TokenResponse From(ApiToken t) => new(t.Id, t.Kind, t.Name, t.Prefix, t.CaregiverId, t.ChildId, t.CreatedAt, t.LastUsedAt, t.RevokedAt);
}

/// <summary>The secret is in this response only; it cannot be shown again.</summary>
public sealed record CreatedTokenResponse(TokenResponse Token, string Secret);

/// <summary>
/// API tokens. Anyone (viewers too) may hold personal tokens for their own scripts, with their own rights; parents
/// create device tokens and see and revoke every token.
/// </summary>
public static class TokensApi
{
    public static RouteGroupBuilder MapTokensApi(this RouteGroupBuilder household)
    {
        ArgumentNullException.ThrowIfNull(household);
        var tokens = household.MapGroup("/tokens").WithTags("Tokens").RequireHouseholdAccess(HouseholdAccessLevel.Read);
        tokens.MapGet("", async (Actor actor, TokenService service, CancellationToken ct) =>
            TypedResults.Ok((await service.ListAsync(actor.HouseholdId, ct))
                .Where(t => actor.IsParent || (t.Kind == ApiTokenKind.Personal && t.CaregiverId == actor.CaregiverId))
                .Select(TokenResponse.From).ToList()));
        tokens.MapPost("", Create);
        tokens.MapDelete("/{tokenId:guid}", Revoke);
        return household;
    }

    private static async Task<Results<Ok<CreatedTokenResponse>, ValidationProblem, ProblemHttpResult>> Create(TokenRequest request, Actor actor, TokenService service, CancellationToken ct)
    {
        if (actor.TokenId is not null) return Problems.Forbidden("Tokens are created from a signed-in session, not with another token.");
        if (request.Kind == ApiTokenKind.Device && !actor.IsParent) return Problems.Forbidden("Only parents can add nursery devices.");
        if (!Enum.IsDefined(request.Kind)) return Problems.Validation("kind", "Choose personal or device.");
        return Problems.OkOr(await service.CreateAsync(actor.HouseholdId, request.Kind, request.Name, actor.CaregiverId, actor.UserId, request.ChildId, ct),
            created => new CreatedTokenResponse(TokenResponse.From(created.Token), created.Secret));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(Guid tokenId, Actor actor, TokenService service, CancellationToken ct)
    {
        var token = await service.GetAsync(actor.HouseholdId, tokenId, ct);
        var mine = token is not null && token.Kind == ApiTokenKind.Personal && token.CaregiverId == actor.CaregiverId;
        if (token is null || !(actor.IsParent || mine)) return Problems.NotFound("There is no such token.");
        await service.RevokeAsync(actor.HouseholdId, tokenId, ct);
        return TypedResults.NoContent();
    }
}
