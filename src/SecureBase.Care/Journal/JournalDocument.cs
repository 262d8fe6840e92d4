using SecureBase.Care.Households;

namespace SecureBase.Care.Journal;

/// <summary>
/// The SecureBase journal format: one versioned JSON document holding a household's whole journal.
/// Documented in docs/journal-format.md.
/// </summary>
public sealed class JournalDocument
{
    /// <summary>The format version this build writes and reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Always "securebase-journal"; lets a reader refuse an unrelated JSON file early.</summary>
    public string Format { get; set; } = "securebase-journal";
    public int Version { get; set; } = CurrentVersion;
    public DateTimeOffset ExportedAt { get; set; }
    public required JournalHousehold Household { get; set; }
    public List<JournalCaregiver> Caregivers { get; set; } = [];
    public List<JournalChild> Children { get; set; } = [];
    /// <summary>Entries ordered by start time, then id.</summary>
    public List<JournalEntry> Entries { get; set; } = [];
    /// <summary>Rules, desire decisions and sleep training; null (left out) when the household has none.</summary>
    public JournalGuidance? Guidance { get; set; }
    /// <summary>The on-duty rota and quiet hours; null (left out) when the household keeps none.</summary>
    public JournalRota? Rota { get; set; }
    /// <summary>The stored cry alerts with their timelines, by onset then id; null (left out) when there are none.</summary>
    public List<JournalAlert>? Alerts { get; set; }
}

public sealed record JournalHousehold(Guid Id, string Name, string TimeZone);

public sealed record JournalCaregiver(Guid Id, string Name, CaregiverRole Role, bool IsBackup);

public sealed record JournalChild(
    Guid Id, string Name, DateOnly BirthDate, string Pronoun,
    int? FeedingIntervalMinMinutes, int? FeedingIntervalMaxMinutes);
