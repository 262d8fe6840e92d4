namespace SecureBase.Audio.Detection;

/// <summary>
/// The features the tree check (<see cref="Model.CryTreeModel"/>) reads: the per-unit <see cref="CryUnitFeatures"/>
/// followed by a few numbers about what was heard around the unit (already-tracked state, a handful of multiply-adds
/// per frame). A baby's cry rarely comes with an adult voice at its own low pitch, or with a syllable train.
/// </summary>
public static class CryContextFeatures
{
    /// <summary>Context feature names, in vector order after the unit features.</summary>
    public static IReadOnlyList<string> ContextNames { get; } =
    [
        "low-voice-2s",         // share of the last ~2 s (exponential, 2 s time constant) that was loud, voiced >= 0.7 and under 250 Hz
        "voiced-onsets-2s",     // voiced onsets per second over the last ~2 s (speech has ~4 syllables a second)
        "loud-2s",              // share of the last ~2 s that was at least 3 dB over the background
        "loud-run-seconds",     // how long the sound had been going (loud frames, gaps under 0.3 s) when the unit started, s, at most 10
    ];

    /// <summary>All names the tree check reads: the unit features, then the context features.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. CryUnitFeatures.Names, .. ContextNames];

    /// <summary>Length of a full vector.</summary>
    public static int Count => Names.Count;
}
