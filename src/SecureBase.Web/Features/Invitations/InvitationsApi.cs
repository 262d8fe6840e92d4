using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using SecureBase.Care.Households;
using SecureBase.Storage;
using SecureBase.Storage.Access;
using SecureBase.Web.Features.Account;
using SecureBase.Web.Hosting;
using SecureBase.Web.Security;

namespace SecureBase.Web.Features.Invitations;

public sealed record InvitationRequest(CaregiverRole Role, string? Name);

public sealed record InvitationResponse(Guid Id, CaregiverRole Role, string? Name, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? AcceptedAt, DateTimeOffset? RevokedAt)
{
    public static InvitationResponse From(Invitation i) => new(i.Id, i.Role, i.Name, i.CreatedAt, i.ExpiresAt, i.AcceptedAt, i.RevokedAt);
}

/// <summary>The secrets are in this response only: a link to share, or a code to read out.</summary>
public sealed record CreatedInvitationResponse(InvitationResponse Invitation, string Link, string Code);

public sealed record AcceptInvitationRequest(string Invitation);

/// <summary>Parents invite caregivers and viewers; a signed-in person accepts with the link's secret or the code.</summary>
public static class InvitationsApi
{
    /// <summary>Path of the UI page an invitation link opens; the secret follows as <c>?token=</c>.</summary>
    public const string JoinPath = "/Invitations/Accept";

    public static RouteGroupBuilder MapInvitationsApi(this RouteGroupBuilder household)
    {
        ArgumentNullException.ThrowIfNull(household);
        var invitations = household.MapGroup("/invitations").WithTags("Invitations").RequireHouseholdAccess(HouseholdAccessLevel.Admin);
        invitations.MapGet("", async (Actor actor, InvitationService service, CancellationToken ct) =>
            TypedResults.Ok((await service.ListAsync(actor.HouseholdId, ct)).Select(InvitationResponse.From).ToList()));
        invitations.MapPost("", async (InvitationRequest request, Actor actor, InvitationService service, CancellationToken ct) =>
            Problems.OkOr(await service.CreateAsync(actor.HouseholdId, request.Role, request.Name, actor.CaregiverId, ct),
                created => new CreatedInvitationResponse(InvitationResponse.From(created.Invitation), $"{JoinPath}?token={created.LinkSecret}", created.Code)));
        invitations.MapDelete("/{invitationId:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid invitationId, Actor actor, InvitationService service, CancellationToken ct) =>
        {
            var outcome = await service.RevokeAsync(actor.HouseholdId, invitationId, ct);
            return outcome.IsOk ? TypedResults.NoContent() : Problems.Failure(outcome);
        });
        return household;
    }

    /// <summary><c>POST /api/invitations/accept</c>: the signed-in user joins the invitation's household.</summary>
    public static RouteGroupBuilder MapInvitationAcceptApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/invitations/accept", async Task<Results<Ok<MembershipResponse>, ValidationProblem, ProblemHttpResult>> (
            AcceptInvitationRequest request, ClaimsPrincipal principal, UserManager<AppUser> users, InvitationService service, CancellationToken ct) =>
        {
            if (principal.HasClaim(c => c.Type == SecureBaseClaims.TokenId)) return Problems.Forbidden("Sign in with your account to accept an invitation.");
            var user = await users.GetUserAsync(principal);
            if (user is null) return Problems.NotFound("This account no longer exists.");
            return Problems.OkOr(await service.AcceptAsync(request.Invitation ?? "", user.Id, user.DisplayName, ct), AccountApi.ToResponse);
        }).RequireRateLimiting(ApiRegistration.LoginPolicy).WithTags("Invitations");
        return api;
    }
}
