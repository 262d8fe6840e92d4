using SecureBase.Care.Households;

namespace SecureBase.Storage.Access;

/// <summary>
/// An invitation to join a household with a role, redeemable once before it expires, by a link
/// (long secret) or a short code typed by hand. Only hashes of both are stored.
/// </summary>
public sealed class Invitation
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public CaregiverRole Role { get; set; }
    /// <summary>Who it is for, as the inviter wrote it (used as the caregiver's name by default).</summary>
    public string? Name { get; set; }
    public string LinkHash { get; set; } = "";
    public string CodeHash { get; set; } = "";
    public Guid CreatedByCaregiverId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public string? AcceptedByUserId { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
