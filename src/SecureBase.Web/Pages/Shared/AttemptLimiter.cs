using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using SecureBase.Storage.Hosting;

namespace SecureBase.Web.Pages.Shared;

/// <summary>
/// Slows down password and invitation-code guessing through the sign-in, setup and invitation forms: a fixed number
/// of attempts per client address per minute (SecureBase:LoginAttemptsPerMinute, as for the API's login). The page
/// shows a kind message instead of the API's bare 429 problem document.
/// </summary>
internal static class AttemptLimiter
{
    // One limiter per permit count, so a test host with another setting gets its own.
    private static readonly Dictionary<int, PartitionedRateLimiter<string>> Limiters = [];
    private static readonly Lock Gate = new();

    public const string Message = "That's a lot of attempts in a short time. Please wait a minute, then try again.";

    /// <summary>Takes one attempt for the request's client address; false when the address has used up its minute.</summary>
    public static bool TryAcquire(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var permits = http.RequestServices.GetService<IOptions<SecureBaseOptions>>()?.Value.LoginAttemptsPerMinute ?? 10;
        PartitionedRateLimiter<string> limiter;
        lock (Gate)
        {
            if (!Limiters.TryGetValue(permits, out limiter!))
            {
                limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key,
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
                Limiters[permits] = limiter;
            }
        }
        using var lease = limiter.AttemptAcquire(http.Connection.RemoteIpAddress?.ToString() ?? "local");
        return lease.IsAcquired;
    }
}
