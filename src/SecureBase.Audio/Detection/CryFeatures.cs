namespace SecureBase.Audio.Detection;

/// <summary>The acoustic description of one cry episode. Null where the episode gave too little to measure.</summary>
/// <param name="F0MeanHz">Mean fundamental frequency over the episode's voiced cry frames, in Hz.</param>
/// <param name="F0MinHz">Low end of the f0 range, in Hz (5th percentile of frame f0, robust to pitch-tracking slips).</param>
/// <param name="F0MaxHz">High end of the f0 range, in Hz (95th percentile of frame f0).</param>
/// <param name="F0InitialHz">Mean f0 over the first 0.2 s of the first cry unit, in Hz.</param>
/// <param name="UnitCount">Number of cry units (bursts of voiced crying between pauses).</param>
/// <param name="UnitMeanSeconds">Mean cry unit duration, in seconds.</param>
/// <param name="PauseMeanSeconds">Mean pause between consecutive cry units, in seconds; null with fewer than two units.</param>
/// <param name="RhythmIrregularity">
/// Coefficient of variation (standard deviation / mean) of the intervals between unit onsets; 0 is a perfectly
/// regular rhythm. Null with fewer than three units.
/// </param>
/// <param name="VoicedFraction">Share of the episode's duration covered by voiced cry frames, 0 to 1.</param>
/// <param name="LoudnessOverBackgroundDb">Mean level of the cry frames above the background level heard before the episode, in dB.</param>
public sealed record CryFeatures(
    double? F0MeanHz,
    double? F0MinHz,
    double? F0MaxHz,
    double? F0InitialHz,
    int UnitCount,
    double? UnitMeanSeconds,
    double? PauseMeanSeconds,
    double? RhythmIrregularity,
    double VoicedFraction,
    double LoudnessOverBackgroundDb);
