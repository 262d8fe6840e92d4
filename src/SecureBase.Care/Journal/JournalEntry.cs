using System.Text.Json.Serialization;

namespace SecureBase.Care.Journal;

/// <summary>
/// One entry of the care journal. The id is chosen by the client so that a retried create is
/// idempotent. An entry with a start and no end is a running timer (feeds, sleep).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(FeedEntry), "feed")]
[JsonDerivedType(typeof(DiaperEntry), "diaper")]
[JsonDerivedType(typeof(SleepEntry), "sleep")]
[JsonDerivedType(typeof(CryEpisodeEntry), "cry")]
[JsonDerivedType(typeof(ConnectionEntry), "connection")]
[JsonDerivedType(typeof(MilestoneEntry), "milestone")]
[JsonDerivedType(typeof(NoteEntry), "note")]
[JsonDerivedType(typeof(CheckInEntry), "checkIn")]
public abstract class JournalEntry
{
    public Guid Id { get; set; }

    /// <summary>Storage concern: every row carries its household. Not part of the journal format.</summary>
    [JsonIgnore]
    public Guid HouseholdId { get; set; }

    /// <summary>The child the entry is about; null only for a caregiver's own check-in.</summary>
    public Guid? ChildId { get; set; }

    [JsonIgnore]
    public abstract EntryType Type { get; }

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>Null for an instant entry (a diaper) or a running timer (a feed or sleep in progress).</summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The caregiver who recorded the entry.</summary>
    public Guid LoggedBy { get; set; }

    /// <summary>The caregiver who gave the care (may differ from who logged it).</summary>
    public Guid? DoneBy { get; set; }

    public string? Note { get; set; }

    /// <summary>When the entry was first recorded (server time).</summary>
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>When the entry was last changed (server time), null if never edited.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>Id of an agreed household rule this entry went against, if any.</summary>
    public Guid? AgainstRuleId { get; set; }
}

public sealed class FeedEntry : JournalEntry
{
    [JsonIgnore]
    public override EntryType Type => EntryType.Feed;
    public FeedKind Kind { get; set; }
    /// <summary>Amount in millilitres (bottle, formula) or grams (solids).</summary>
    public double? Amount { get; set; }
    public FormulaTemperature? Temperature { get; set; }
    /// <summary>The baby would not take the feed.</summary>
    public bool Refused { get; set; }
}

public sealed class DiaperEntry : JournalEntry
{
    [JsonIgnore]
    public override EntryType Type => EntryType.Diaper;
    public bool Wet { get; set; }
    public bool Solid { get; set; }
}

public sealed class SleepEntry : JournalEntry
{
    [JsonIgnore]
    public override EntryType Type => EntryType.Sleep;
    public SleepLocation Location { get; set; }
}

public sealed class ConnectionEntry : JournalEntry
{
    [JsonIgnore]
    public override EntryType Type => EntryType.Connection;
    public ConnectionKind Kind { get; set; }
}

public sealed class MilestoneEntry : JournalEntry
{
    [JsonIgnore]
    public override EntryType Type => EntryType.Milestone;
    public MilestoneKind Kind { get; set; }
    /// <summary>Free description, required for <see cref="MilestoneKind.Other"/>.</summary>
    public string? Description { get; set; }
}

public sealed class NoteEntry : JournalEntry
{
    [JsonIgnore]
    public override EntryType Type => EntryType.Note;
    public required string Text { get; set; }
}

/// <summary>A caregiver's "how am I doing" check-in.</summary>
public sealed class CheckInEntry : JournalEntry
{
    [JsonIgnore]
    public override EntryType Type => EntryType.CheckIn;
    public CaregiverState State { get; set; }
}
