namespace SecureBase.Audio.Detection;

/// <summary>What the detector measured on one frame (tuning and tests only).</summary>
internal readonly record struct FrameDiagnostics(
    double CentreSeconds, double LevelDb, double FloorDb, double F0Hz, double Strength, double BrightnessHz, bool IsCryFrame, bool InUnit, bool UnitConfirmed)
{
    /// <summary>See <see cref="Dsp.PitchEstimate.SubharmonicExcess"/>.</summary>
    public double SubharmonicExcess { get; init; }
}
