using SecureBase.Audio.Detection;

namespace SecureBase.Audio.Analysis;

/// <summary>What analysing one file found — or why it could not be read.</summary>
/// <param name="File">The path as given.</param>
/// <param name="DurationSeconds">Length of the audio, in seconds (null when unreadable).</param>
/// <param name="SampleRate">Sample rate of the original recording, in Hz (null when unreadable).</param>
/// <param name="Episodes">Cry episodes in time order (empty when unreadable).</param>
/// <param name="Error">Why the file could not be read, in plain words; null on success.</param>
public sealed record AnalysisResult(string File, double? DurationSeconds, int? SampleRate, IReadOnlyList<CryEpisode> Episodes, string? Error)
{
    /// <summary>True when the file was read.</summary>
    public bool Succeeded => Error is null;

    /// <summary>A result for a file that could not be read.</summary>
    public static AnalysisResult Failed(string file, string error) => new(file, null, null, [], error);
}
