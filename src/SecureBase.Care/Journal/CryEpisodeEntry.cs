using System.Text.Json.Serialization;

namespace SecureBase.Care.Journal;

/// <summary>
/// A cry episode, heard by a monitor or logged by hand: its stage timeline, its acoustic
/// description and the caregivers' responses to it. <see cref="JournalEntry.StartedAt"/> is the onset.
/// </summary>
public sealed class CryEpisodeEntry : JournalEntry
{
    [JsonIgnore]
    public override EntryType Type => EntryType.Cry;
    public CrySource Source { get; set; }
    public CryStage PeakStage { get; set; }
    /// <summary>Stage changes in time order; the first is the stage at onset.</summary>
    public List<CryStageChange> Stages { get; set; } = [];
    /// <summary>Acoustic description when a monitor heard it.</summary>
    public CryAcoustics? Acoustics { get; set; }
    /// <summary>Responses in the order caregivers arrived.</summary>
    public List<CryResponse> Responses { get; set; } = [];
    /// <summary>When the baby was settled (the cry stopped for good), if known.</summary>
    public DateTimeOffset? SettledAt { get; set; }
}

public sealed class CryStageChange
{
    public CryStage Stage { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>Acoustic description of a cry, as observations (never a diagnosis).</summary>
public sealed class CryAcoustics
{
    public double? F0MeanHz { get; set; }
    public double? F0MinHz { get; set; }
    public double? F0MaxHz { get; set; }
    public double? F0InitialHz { get; set; }
    public int? UnitCount { get; set; }
    public double? UnitMeanSeconds { get; set; }
    public double? PauseMeanSeconds { get; set; }
    public double? RhythmIrregularity { get; set; }
    public double? VoicedFraction { get; set; }
    public double? LoudnessOverBackgroundDb { get; set; }
    public List<string> Notes { get; set; } = [];
}

/// <summary>One caregiver's answer to a cry.</summary>
public sealed class CryResponse
{
    public Guid CaregiverId { get; set; }
    /// <summary>"I'm going".</summary>
    public DateTimeOffset? AcknowledgedAt { get; set; }
    /// <summary>"I'm with her/him": the response latency runs from onset to here.</summary>
    public DateTimeOffset? ArrivedAt { get; set; }
    /// <summary>What was done, in order.</summary>
    public List<CareActionTaken> Actions { get; set; } = [];
    /// <summary>The action that resolved the cry, if this response resolved it.</summary>
    public CareAction? ResolvedBy { get; set; }
    public bool Talked { get; set; }
    public bool EyeContact { get; set; }
    /// <summary>Smiled, warm tone.</summary>
    public bool Warm { get; set; }
    public CaregiverState? State { get; set; }
    /// <summary>What the caregiver was busy with when the cry started; null or empty when free.</summary>
    public string? BusyWith { get; set; }
}

public sealed class CareActionTaken
{
    public CareAction Action { get; set; }
    public DateTimeOffset? At { get; set; }
}
