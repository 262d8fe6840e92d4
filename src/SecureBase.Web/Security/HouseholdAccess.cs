using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using SecureBase.Care.Households;
using SecureBase.Storage.Households;

namespace SecureBase.Web.Security;

/// <summary>What an endpoint asks of a household member.</summary>
public enum HouseholdAccessLevel
{
    /// <summary>Any member, viewers included.</summary>
    Read,
    /// <summary>Parents and caregivers.</summary>
    Write,
    /// <summary>Parents only.</summary>
    Admin,
}

/// <summary>Endpoint metadata overriding the level implied by the HTTP method (GET reads, everything else writes).</summary>
public sealed record HouseholdAccessMetadata(HouseholdAccessLevel Level);

/// <summary>Endpoint metadata: nursery device tokens may call this endpoint (every other endpoint refuses them).</summary>
public sealed record DeviceAllowedMetadata;

/// <summary>
/// The requirement in the default and fallback policies. On a route with <c>{householdId}</c> the user must be a
/// member with enough rights; anywhere else, device tokens are refused.
/// </summary>
public sealed class HouseholdAccessRequirement : IAuthorizationRequirement;

/// <summary>
/// Checks membership before the endpoint runs (and before its body is read), so a non-member learns nothing,
/// not even whether their request was well-formed.
/// </summary>
internal sealed class HouseholdAccessHandler(HouseholdService households) : AuthorizationHandler<HouseholdAccessRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, HouseholdAccessRequirement requirement)
    {
        if (context.Resource is not HttpContext http) return;
        var endpoint = http.GetEndpoint();
        var user = context.User;
        var isDevice = user.HasClaim(c => c.Type == SecureBaseClaims.DeviceChild);
        var deviceAllowed = endpoint?.Metadata.GetMetadata<DeviceAllowedMetadata>() is not null;
        if (isDevice && !deviceAllowed) return;

        if (!http.Request.RouteValues.TryGetValue("householdId", out var raw))
        {
            // Not a household route: only tokens scoped to a household are kept out of other households' listings,
            // which the endpoints themselves filter.
            context.Succeed(requirement);
            return;
        }
        if (!Guid.TryParse(raw?.ToString(), out var householdId)) return;
        // Compared as GUIDs, not as text: no string formatted per request.
        var tokenHousehold = user.FindFirstValue(SecureBaseClaims.TokenHousehold);
        if (tokenHousehold is not null && (!Guid.TryParse(tokenHousehold, out var tokenHouseholdId) || tokenHouseholdId != householdId)) return;
        Guid? tokenId = Guid.TryParse(user.FindFirstValue(SecureBaseClaims.TokenId), out var t) ? t : null;

        Actor actor;
        if (isDevice)
        {
            actor = new Actor(householdId, Guid.Parse(user.FindFirstValue(SecureBaseClaims.DeviceCaregiver)!), CaregiverRole.Caregiver,
                null, tokenId, Guid.Parse(user.FindFirstValue(SecureBaseClaims.DeviceChild)!));
        }
        else
        {
            var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
            if (userId is null) return;
            var caregiver = await households.FindMemberAsync(householdId, userId, http.RequestAborted);
            if (caregiver is null) return;
            actor = new Actor(householdId, caregiver.Id, caregiver.Role, userId, tokenId, null);
        }

        var level = endpoint?.Metadata.GetMetadata<HouseholdAccessMetadata>()?.Level
            ?? (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) ? HouseholdAccessLevel.Read : HouseholdAccessLevel.Write);
        var allowed = level switch
        {
            HouseholdAccessLevel.Read => true,
            HouseholdAccessLevel.Write => actor.Role is CaregiverRole.Parent or CaregiverRole.Caregiver,
            _ => actor.IsParent,
        };
        if (!allowed) return;
        http.Items[typeof(Actor)] = actor;
        context.Succeed(requirement);
    }
}

public static class HouseholdAccessExtensions
{
    /// <summary>Requires household membership (the default policy) on every endpoint of the group.</summary>
    public static RouteGroupBuilder RequireHouseholdMember(this RouteGroupBuilder group) => group.RequireAuthorization();

    /// <summary>Overrides the access level the HTTP method implies.</summary>
    public static TBuilder RequireHouseholdAccess<TBuilder>(this TBuilder builder, HouseholdAccessLevel level) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new HouseholdAccessMetadata(level));

    /// <summary>Lets nursery device tokens call the endpoint.</summary>
    public static TBuilder AllowDevices<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new DeviceAllowedMetadata());
}
