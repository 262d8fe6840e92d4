using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using SecureBase.Storage.Access;

namespace SecureBase.Web.Security;

/// <summary>Authenticates <c>Authorization: Bearer …</c> requests with a personal or device API token.</summary>
internal sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, TokenService tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Token";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = await tokens.AuthenticateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (token is null) return AuthenticateResult.Fail("The token is unknown or has been revoked.");

        var claims = new List<Claim>
        {
            new(SecureBaseClaims.TokenId, token.Id.ToString()),
            new(SecureBaseClaims.TokenHousehold, token.HouseholdId.ToString()),
        };
        if (token.Kind == ApiTokenKind.Device)
        {
            claims.Add(new Claim(SecureBaseClaims.DeviceChild, token.ChildId!.Value.ToString()));
            claims.Add(new Claim(SecureBaseClaims.DeviceCaregiver, token.CaregiverId.ToString()));
            claims.Add(new Claim(ClaimTypes.Name, token.Name));
        }
        else
        {
            claims.Add(new Claim(ClaimTypes.NameIdentifier, token.UserId!));
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
