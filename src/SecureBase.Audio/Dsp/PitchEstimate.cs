namespace SecureBase.Audio.Dsp;

/// <summary>The pitch of one analysis frame.</summary>
/// <param name="F0Hz">Fundamental frequency in Hz, or 0 when no periodicity was found.</param>
/// <param name="Strength">Normalised autocorrelation at the chosen period, -1 to 1 (1 = perfectly periodic).</param>
public readonly record struct PitchEstimate(double F0Hz, double Strength)
{
    /// <summary>No periodicity found.</summary>
    public static PitchEstimate None => new(0, 0);
}
