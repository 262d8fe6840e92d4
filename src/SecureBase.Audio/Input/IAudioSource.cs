namespace SecureBase.Audio.Input;

/// <summary>
/// A pull-based stream of mono audio: the caller owns the buffer and asks for the next block.
/// Implementations never read a whole file into memory, so an endless stream runs in constant memory.
/// </summary>
public interface IAudioSource : IDisposable
{
    /// <summary>Rate of the samples returned by <see cref="Read"/>, in Hz.</summary>
    int SampleRate { get; }

    /// <summary>
    /// Rate of the original recording, in Hz. Equal to <see cref="SampleRate"/> unless a decoder converted it;
    /// for decoded files it is known once reading has started.
    /// </summary>
    int SourceSampleRate { get; }

    /// <summary>
    /// Fills <paramref name="destination"/> with the next mono samples, scaled to [-1, 1]
    /// (multi-channel audio is averaged to mono).
    /// </summary>
    /// <returns>The number of samples written; 0 only at the end of the stream.</returns>
    /// <exception cref="AudioFormatException">The data cannot be decoded.</exception>
    int Read(Span<float> destination);
}
