namespace SecureBase.Care.Households;

/// <summary>A family's shared space: its caregivers, its children and their one care journal.</summary>
public sealed class Household
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>IANA time zone used for "night", "today" and daily figures, e.g. "Europe/Paris".</summary>
    public string TimeZone { get; set; } = "UTC";
}

/// <summary>What a member of the household may do.</summary>
public enum CaregiverRole
{
    /// <summary>Administers the household: invites people, manages children and devices.</summary>
    Parent,
    /// <summary>Gets alerts and logs care.</summary>
    Caregiver,
    /// <summary>Reads journal, reports and exports (e.g. a pediatric nurse); changes nothing.</summary>
    Viewer,
}

/// <summary>
/// A person who cares for the household's children. A caregiver may exist without an account
/// (a grandparent whose care others log); <see cref="UserId"/> links the account when there is one.
/// </summary>
public sealed class Caregiver
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public required string Name { get; set; }
    public CaregiverRole Role { get; set; }
    /// <summary>Identity user id of the caregiver's account, when they have one.</summary>
    public string? UserId { get; set; }
    /// <summary>Backups are alerted when an alert escalates.</summary>
    public bool IsBackup { get; set; }
}

/// <summary>A baby or toddler cared for by the household.</summary>
public sealed class Child
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public required string Name { get; set; }
    public DateOnly BirthDate { get; set; }
    /// <summary>"her", "him" or "them"; used in alert wording.</summary>
    public string Pronoun { get; set; } = "them";
    /// <summary>Override of the age-based feeding interval (minutes); null uses the default for the age.</summary>
    public int? FeedingIntervalMinMinutes { get; set; }
    /// <summary>Override of the age-based feeding interval (minutes); null uses the default for the age.</summary>
    public int? FeedingIntervalMaxMinutes { get; set; }
}
