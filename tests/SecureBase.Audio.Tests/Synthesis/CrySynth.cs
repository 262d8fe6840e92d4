namespace SecureBase.Audio.Tests.Synthesis;

/// <summary>
/// Cry-like test bursts: a rich harmonic voice (harmonics up to 4 kHz, strongest around 1-2 kHz) whose f0 wavers
/// like a real cry (a slow rise-and-fall, 6 Hz vibrato and cycle-to-cycle jitter), with a little breath noise and
/// 30 ms attack and release. The f0 contour averages exactly to the requested f0.
/// </summary>
public static class CrySynth
{
    public static float[] Burst(int sampleRate, double f0Hz, double seconds, double levelDbfs = -20, int seed = 1)
    {
        var random = new Random(seed);
        int n = (int)Math.Round(seconds * sampleRate);
        var output = new float[n];
        double phase = 0;
        double jitter = 0;
        double amplitude = Math.Pow(10, levelDbfs / 20);
        int harmonics = (int)Math.Max(1, Math.Floor(4000 / (f0Hz * 1.1)));
        double norm = 0;
        for (int k = 1; k <= harmonics; k++)
        {
            norm += Gain(k * f0Hz) * Gain(k * f0Hz);
        }

        norm = Math.Sqrt(norm / 2);
        for (int i = 0; i < n; i++)
        {
            double t = i / (double)sampleRate;
            // Slow contour (one full sine over the burst averages to zero), vibrato, and a random walk of jitter.
            jitter = (0.995 * jitter) + (0.0015 * ((random.NextDouble() * 2) - 1));
            double f = f0Hz * (1 + (0.05 * Math.Sin(2 * Math.PI * t / seconds)) + (0.012 * Math.Sin(2 * Math.PI * 6 * t)) + jitter);
            phase += 2 * Math.PI * f / sampleRate;
            double voice = 0;
            for (int k = 1; k <= harmonics; k++)
            {
                voice += Gain(k * f0Hz) * Math.Sin(k * phase);
            }

            double envelope = Math.Min(1, Math.Min(t / 0.03, (seconds - t) / 0.03));
            double breath = 0.05 * ((random.NextDouble() * 2) - 1);
            output[i] = (float)(amplitude * envelope * ((voice / norm) + breath));
        }

        return output;
    }

    /// <summary>
    /// A rhythm of bursts: <paramref name="count"/> units of <paramref name="unitSeconds"/> separated by
    /// <paramref name="pauseSeconds"/> of silence (no trailing pause).
    /// </summary>
    public static float[] Units(int sampleRate, double f0Hz, int count, double unitSeconds, double pauseSeconds, double levelDbfs = -20, int seed = 1)
    {
        var builder = new SignalBuilder(sampleRate);
        for (int u = 0; u < count; u++)
        {
            if (u > 0)
            {
                builder.Silence(pauseSeconds);
            }

            builder.Append(Burst(sampleRate, f0Hz, unitSeconds, levelDbfs, seed + u));
        }

        return builder.Build();
    }

    // A broad resonance around 1.5 kHz over a gentle tilt: a cry's harmonics are strongest in the 1-2 kHz region.
    private static double Gain(double hz) => (1 / Math.Sqrt(1 + (hz / 3000))) * (0.4 + Math.Exp(-Math.Pow((hz - 1500) / 900, 2)));
}
