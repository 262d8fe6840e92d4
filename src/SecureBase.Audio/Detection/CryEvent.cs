namespace SecureBase.Audio.Detection;

/// <summary>
/// One thing the detector noticed, delivered to an <see cref="ICryEventSink"/> as soon as it is decided.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="TimeSeconds">
/// When it happened in the stream, in seconds since the stream start (or the last <see cref="CryDetector.Reset"/>):
/// the onset of the episode, the start of the new stage, or the end of the last cry unit of the episode.
/// </param>
/// <param name="Stage">The episode's stage after this event (for EpisodeEnded: the last stage).</param>
/// <param name="Episode">The finished episode; non-null exactly when <paramref name="Kind"/> is EpisodeEnded.</param>
public readonly record struct CryEvent(CryEventKind Kind, double TimeSeconds, CryStage Stage, CryEpisode? Episode)
{
    /// <summary>
    /// Stream time, in seconds, at which the detector had heard enough to emit this event (always at or after
    /// <see cref="TimeSeconds"/>). The difference is the detection delay.
    /// </summary>
    public double DetectedAtSeconds { get; init; }
}
