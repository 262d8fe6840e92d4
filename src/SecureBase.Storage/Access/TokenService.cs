using Microsoft.EntityFrameworkCore;
using SecureBase.Storage.Journal;

namespace SecureBase.Storage.Access;

/// <summary>A new token with its secret, which is shown once.</summary>
public sealed record CreatedToken(ApiToken Token, string Secret);

/// <summary>Personal and device API tokens: creation, listing, revocation and lookup by secret.</summary>
public sealed class TokenService(SecureBaseDbContext db, TimeProvider time, AccessCache cache)
{
    public const string PersonalPrefix = "sbp_";
    public const string DevicePrefix = "sbd_";

    /// <summary>Last-used times are written at most this often per token, to keep reads from becoming writes.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private DateTimeOffset Now => JournalTimes.Normalize(time.GetUtcNow());

    public async Task<Outcome<CreatedToken>> CreateAsync(Guid householdId, ApiTokenKind kind, string name, Guid caregiverId, string? userId, Guid? childId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200) return Outcome<CreatedToken>.Invalid("name", "Give the token a short name, like \"Nursery phone\".");
        if (kind == ApiTokenKind.Device)
        {
            if (childId is null) return Outcome<CreatedToken>.Invalid("childId", "Say which child this device listens to.");
            if (!await db.Children.AnyAsync(c => c.HouseholdId == householdId && c.Id == childId, cancellationToken))
                return Outcome<CreatedToken>.Invalid("childId", "There is no such child in this household.");
        }
        else if (childId is not null)
        {
            return Outcome<CreatedToken>.Invalid("childId", "Only device tokens are tied to a child.");
        }
        var secret = Secrets.NewToken(kind == ApiTokenKind.Device ? DevicePrefix : PersonalPrefix);
        var token = new ApiToken
        {
            Id = Guid.CreateVersion7(),
            HouseholdId = householdId,
            Kind = kind,
            Name = name.Trim(),
            SecretHash = Secrets.Hash(secret),
            Prefix = secret[..10],
            UserId = kind == ApiTokenKind.Personal ? userId : null,
            CaregiverId = caregiverId,
            ChildId = childId,
            CreatedAt = Now,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return Outcome<CreatedToken>.Ok(new CreatedToken(token, secret));
    }

    public async Task<IReadOnlyList<ApiToken>> ListAsync(Guid householdId, CancellationToken cancellationToken = default) =>
        await db.ApiTokens.AsNoTracking().Where(t => t.HouseholdId == householdId).OrderByDescending(t => t.CreatedAt).ToListAsync(cancellationToken);

    public Task<ApiToken?> GetAsync(Guid householdId, Guid tokenId, CancellationToken cancellationToken = default) =>
        db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.HouseholdId == householdId && t.Id == tokenId, cancellationToken);

    public async Task<bool> RevokeAsync(Guid householdId, Guid tokenId, CancellationToken cancellationToken = default)
    {
        var now = Now;
        await db.ApiTokens.Where(t => t.HouseholdId == householdId && t.Id == tokenId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
        cache.Clear(); // a revoked token stops working at once, not when its cached copy expires
        return await db.ApiTokens.AnyAsync(t => t.HouseholdId == householdId && t.Id == tokenId, cancellationToken);
    }

    /// <summary>
    /// The live token a secret belongs to, or null; records when it was last used (to the minute). Found tokens are
    /// remembered for <see cref="AccessCache.Lifetime"/>, so a script or device sending many requests costs one read.
    /// </summary>
    public async Task<ApiToken?> AuthenticateAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 100) return null;
        var hash = Secrets.Hash(secret);
        return await cache.TokenAsync(hash, () => LookUpAsync(hash, cancellationToken));
    }

    private async Task<ApiToken?> LookUpAsync(string hash, CancellationToken cancellationToken)
    {
        var token = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.SecretHash == hash && t.RevokedAt == null, cancellationToken);
        if (token is null) return null;
        var now = Now;
        if (token.LastUsedAt is null || now - token.LastUsedAt > LastUsedResolution)
        {
            await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), cancellationToken);
            token.LastUsedAt = now;
        }
        return token;
    }
}
