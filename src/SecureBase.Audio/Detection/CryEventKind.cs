namespace SecureBase.Audio.Detection;

/// <summary>What happened in a <see cref="CryEvent"/>.</summary>
public enum CryEventKind
{
    /// <summary>A cry episode began; the event's stage is the stage it began in.</summary>
    EpisodeStarted,

    /// <summary>The open episode moved to another stage (escalation or calming).</summary>
    StageChanged,

    /// <summary>The episode is over; <see cref="CryEvent.Episode"/> carries its description.</summary>
    EpisodeEnded,
}
