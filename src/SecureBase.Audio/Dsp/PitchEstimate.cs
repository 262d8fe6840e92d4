namespace SecureBase.Audio.Dsp;

/// <summary>The pitch of one analysis frame.</summary>
/// <param name="F0Hz">Fundamental frequency in Hz, or 0 when no periodicity was found.</param>
/// <param name="Strength">Normalised autocorrelation at the chosen period, -1 to 1 (1 = perfectly periodic).</param>
public readonly record struct PitchEstimate(double F0Hz, double Strength)
{
    /// <summary>
    /// How much higher (0 to 1) the best correlation peak at a longer lag was than the chosen one. The estimator
    /// prefers the shortest lag within the octave preference of the best peak (octave-down errors at high f0 would be worse), so a
    /// low voice whose strong formant sits on a harmonic can be read 2-4 times too high; real high-pitched voices
    /// show ~0 here, harmonic misreadings 0.05-0.15.
    /// </summary>
    public double SubharmonicExcess { get; init; }

    /// <summary>
    /// The f0 read with a stricter octave preference (a shorter period must come within 95 % of the best peak), in Hz;
    /// equal to <see cref="F0Hz"/> or a sub-multiple of it. It reads a low voice with a strong formant on a harmonic at
    /// its true f0, and a high cry now and then an octave too low, so it only judges whether a unit may open an episode.
    /// </summary>
    public double StrictF0Hz { get; init; }

    /// <summary>No periodicity found.</summary>
    public static PitchEstimate None => new(0, 0);
}
