namespace SecureBase.Audio.Input;

/// <summary>
/// The ranges of format values the readers accept. Anything outside is refused with an
/// <see cref="AudioFormatException"/> rather than trusted, because a damaged header can claim anything.
/// </summary>
public static class AudioLimits
{
    /// <summary>Lowest accepted sample rate, in Hz (below it no cry is representable).</summary>
    public const int MinSampleRate = 1000;

    /// <summary>Highest accepted sample rate, in Hz (the highest rate consumer hardware records at).</summary>
    public const int MaxSampleRate = 768_000;

    /// <summary>Most channels accepted; all are averaged into mono.</summary>
    public const int MaxChannels = 32;

    /// <summary>Throws a clear <see cref="AudioFormatException"/> when <paramref name="sampleRate"/> (Hz) is out of range.</summary>
    public static void ValidateSampleRate(long sampleRate)
    {
        if (sampleRate < MinSampleRate || sampleRate > MaxSampleRate)
        {
            throw new AudioFormatException(
                $"The sample rate {sampleRate} Hz is not plausible; expected {MinSampleRate}-{MaxSampleRate} Hz.");
        }
    }
}
