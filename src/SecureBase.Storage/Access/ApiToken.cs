namespace SecureBase.Storage.Access;

/// <summary>Personal tokens act for their owner (scripts); device tokens act for a nursery monitor.</summary>
public enum ApiTokenKind { Personal, Device }

/// <summary>
/// A bearer token scoped to one household (device tokens also to one child). Only a SHA-256 hash of the
/// secret is stored: the secret is shown once, when the token is created.
/// </summary>
public sealed class ApiToken
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public ApiTokenKind Kind { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Lower-case hex SHA-256 of the whole secret.</summary>
    public string SecretHash { get; set; } = "";
    /// <summary>The first characters of the secret, so people can tell their tokens apart.</summary>
    public string Prefix { get; set; } = "";
    /// <summary>Owner of a personal token.</summary>
    public string? UserId { get; set; }
    /// <summary>The caregiver whose name entries made with this token are logged under.</summary>
    public Guid CaregiverId { get; set; }
    /// <summary>The one child a device token may report on.</summary>
    public Guid? ChildId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
