namespace SecureBase.Audio.Detection;

/// <summary>A finished cry episode: when it happened, how it escalated and what it sounded like.</summary>
public sealed class CryEpisode
{
    /// <summary>Creates an episode description (the detector does this; public for tests and tools).</summary>
    public CryEpisode(
        double startSeconds,
        double endSeconds,
        CryStage peakStage,
        IReadOnlyList<(CryStage Stage, double StartSeconds)> stages,
        CryFeatures features,
        IReadOnlyList<AcousticNote> notes)
    {
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(notes);
        if (endSeconds < startSeconds)
        {
            throw new ArgumentException("An episode cannot end before it starts.", nameof(endSeconds));
        }

        StartSeconds = startSeconds;
        EndSeconds = endSeconds;
        PeakStage = peakStage;
        Stages = stages;
        Features = features;
        Notes = notes;
    }

    /// <summary>Onset of the first cry unit, in seconds since the stream start.</summary>
    public double StartSeconds { get; }

    /// <summary>End of the last cry unit, in seconds since the stream start.</summary>
    public double EndSeconds { get; }

    /// <summary>Duration in seconds.</summary>
    public double DurationSeconds => EndSeconds - StartSeconds;

    /// <summary>The highest stage reached (Fussing &lt; Crying &lt; Intense).</summary>
    public CryStage PeakStage { get; }

    /// <summary>The stage timeline in order; the first entry starts at <see cref="StartSeconds"/>.</summary>
    public IReadOnlyList<(CryStage Stage, double StartSeconds)> Stages { get; }

    /// <summary>The acoustic description.</summary>
    public CryFeatures Features { get; }

    /// <summary>Observations worth mentioning to a pediatrician if they keep happening; often empty.</summary>
    public IReadOnlyList<AcousticNote> Notes { get; }
}
