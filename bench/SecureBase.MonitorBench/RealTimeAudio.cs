using System.Diagnostics;
using System.Runtime.CompilerServices;

/// <summary>Plays samples out in 100 ms chunks paced by a timer, as a microphone would, noting when the cry's onset goes out.</summary>
internal static class RealTimeAudio
{
    public const int FrameMilliseconds = 100;

    /// <param name="samples">The whole recording.</param>
    /// <param name="rate">Samples per second.</param>
    /// <param name="onsetSample">The first sample of the cry.</param>
    /// <param name="onsetSent">Receives the Stopwatch timestamp at which the chunk holding the onset was handed to the client.</param>
    public static async IAsyncEnumerable<ReadOnlyMemory<short>> Play(short[] samples, int rate, int onsetSample, Action<long> onsetSent, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var chunk = rate * FrameMilliseconds / 1000;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(FrameMilliseconds));
        for (var offset = 0; offset < samples.Length; offset += chunk)
        {
            // Audio is sent once it has been "recorded": wait one frame's time first.
            if (!await timer.WaitForNextTickAsync(cancellationToken)) yield break;
            var length = Math.Min(chunk, samples.Length - offset);
            if (onsetSample >= offset && onsetSample < offset + length) onsetSent(Stopwatch.GetTimestamp());
            yield return samples.AsMemory(offset, length);
        }
    }
}
