using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using SecureBase.Storage;

namespace SecureBase.Web.Security;

internal static class SecurityRegistration
{
    /// <summary>Picks the cookie or the token scheme per request.</summary>
    public const string SmartScheme = "SecureBase";

    public static IServiceCollection AddSecureBaseSecurity(this IServiceCollection services)
    {
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                // Length beats composition rules (NIST SP 800-63B): a long passphrase, no forced symbols.
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.User.RequireUniqueEmail = true;
                o.Lockout.MaxFailedAccessAttempts = 10;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddEntityFrameworkStores<SecureBaseDbContext>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "securebase";
            o.Cookie.HttpOnly = true;
            // Secure whenever the app is reached over HTTPS. A home server is often reached as http://<address> on the
            // local network, where an always-Secure cookie would make signing in impossible.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromDays(30);
            o.SlidingExpiration = true;
            o.LoginPath = "/Account/SignIn";
            o.LogoutPath = "/Account/SignOut";
            o.AccessDeniedPath = "/Account/SignIn";
            // The API answers with status codes; only pages redirect to the sign-in form.
            o.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultAuthenticateScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultForbidScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or API token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? TokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);

        services.AddScoped<IAuthorizationHandler, HouseholdAccessHandler>();
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(MemberPolicy())
            // Everything needs a signed-in user unless it says otherwise: a new endpoint is closed by default.
            .SetFallbackPolicy(MemberPolicy());
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        return services;
    }

    // No scheme named in the policy: the authentication middleware has already authenticated the request with the
    // default scheme (SmartScheme), and a policy naming it made the authorization middleware authenticate every
    // request a second time (the token check, the claims, the ticket and the merged principal, all over again).
    private static AuthorizationPolicy MemberPolicy() => new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .AddRequirements(new HouseholdAccessRequirement())
        .Build();

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
