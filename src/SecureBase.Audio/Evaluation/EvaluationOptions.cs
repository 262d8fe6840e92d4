using SecureBase.Audio.Detection;

namespace SecureBase.Audio.Evaluation;

/// <summary>What <see cref="CryEvaluator"/> measures and how.</summary>
public sealed record EvaluationOptions
{
    /// <summary>Folder searched recursively for cry recordings (each file holds one cry).</summary>
    public string? PositivesDirectory { get; init; }

    /// <summary>Folder searched recursively for recordings without any cry.</summary>
    public string? NegativesDirectory { get; init; }

    /// <summary>When set, pink noise is mixed into the positives at this signal-to-noise ratio, in dB.</summary>
    public double? NoiseSnrDb { get; init; }

    /// <summary>
    /// Seconds of quiet (or of the mixed noise) placed before each cry, so the onset time is known and the detector's
    /// background tracker has settled. Default 2.5.
    /// </summary>
    public double LeadInSeconds { get; init; } = 2.5;

    /// <summary>
    /// Which part to use: Donate-a-cry babies among the positives, and sources (speaker, voice, recording) among the
    /// negatives. Default: all.
    /// </summary>
    public PositiveSplit Split { get; init; } = PositiveSplit.All;

    /// <summary>Chunk size used to stream the audio into the detector, in samples. Default 512.</summary>
    public int ChunkSamples { get; init; } = 512;

    /// <summary>Seed of the mixed noise. Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Detector settings; the sample rate is replaced by each file's rate.</summary>
    public CryDetectorOptions Detector { get; init; } = new();
}

/// <summary>Which part of the data an evaluation uses (split by baby and by source, never by file).</summary>
public enum PositiveSplit
{
    /// <summary>Every file.</summary>
    All,

    /// <summary>Only the babies used for tuning/training.</summary>
    Train,

    /// <summary>Only the held-out babies.</summary>
    Test,
}
