using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SecureBase.Web.Security;

namespace SecureBase.Web.Features.Monitor;

/// <summary>What a nursery device token is for: the household and child its stream belongs to.</summary>
public sealed record DeviceIdentity(Guid HouseholdId, Guid ChildId);

/// <summary>
/// <c>GET /api/monitor/device</c>: lets a headless monitor (<c>securebase listen --server … --token …</c>) find its
/// household from its token alone, so setting one up needs only the token a parent created.
/// </summary>
public static class DeviceApi
{
    public const string Path = "/api/monitor/device";

    public static IEndpointRouteBuilder MapDeviceApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(Path, Identify).RequireAuthorization().AllowDevices().WithTags("Monitor")
            .WithSummary("The household and child of the calling nursery device token.");
        return app;
    }

    private static Results<Ok<DeviceIdentity>, ProblemHttpResult> Identify(ClaimsPrincipal user)
    {
        // Only device tokens carry both claims; a person or a personal token has no single child to stream for.
        if (Guid.TryParse(user.FindFirstValue(SecureBaseClaims.TokenHousehold), out var household)
            && Guid.TryParse(user.FindFirstValue(SecureBaseClaims.DeviceChild), out var child))
            return TypedResults.Ok(new DeviceIdentity(household, child));
        return Problems.NotFound("This address is for nursery device tokens; a parent creates one under People → Tokens.");
    }
}
