using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using SecureBase.Storage.Journal;
using SecureBase.Storage.Hosting;

namespace SecureBase.Web.Hosting;

internal static class ApiRegistration
{
    /// <summary>Rate-limit policy for login, sign-up and invitation codes: guessing passwords or codes must be slow.</summary>
    public const string LoginPolicy = "login";

    public static IServiceCollection AddSecureBaseApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => EntryJson.Configure(o.SerializerOptions));
        services.AddOpenApi();
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(LoginPolicy, http =>
            {
                var permits = http.RequestServices.GetRequiredService<IOptions<SecureBaseOptions>>().Value.LoginAttemptsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "local",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = { Status = 429, Title = "Too many attempts", Detail = "Please wait a minute before trying again." },
                });
            };
        });
        return services;
    }
}
