namespace SecureBase.Audio.Evaluation;

/// <summary>Reproducible test noises (seeded), for mixing at a chosen signal-to-noise ratio.</summary>
public static class NoiseGenerator
{
    /// <summary>White noise with unit variance.</summary>
    public static float[] White(int length, int seed)
    {
        var random = new Random(seed);
        var noise = new float[length];
        for (int i = 0; i < length; i++)
        {
            noise[i] = (float)Gaussian(random);
        }

        return noise;
    }

    /// <summary>
    /// Pink (1/f) noise with unit variance, from Paul Kellet's economy filter over white noise (accurate to about
    /// ±0.5 dB above 10 Hz at common rates).
    /// </summary>
    public static float[] Pink(int length, int seed)
    {
        var random = new Random(seed);
        var noise = new float[length];
        double b0 = 0, b1 = 0, b2 = 0;
        for (int i = 0; i < length; i++)
        {
            double white = Gaussian(random);
            b0 = (0.99765 * b0) + (white * 0.0990460);
            b1 = (0.96300 * b1) + (white * 0.2965164);
            b2 = (0.57000 * b2) + (white * 1.0526913);
            noise[i] = (float)(b0 + b1 + b2 + (white * 0.1848));
        }

        Normalise(noise);
        return noise;
    }

    /// <summary>Brown (1/f²) noise with unit variance: leaky integrated white noise.</summary>
    public static float[] Brown(int length, int seed)
    {
        var random = new Random(seed);
        var noise = new float[length];
        double state = 0;
        for (int i = 0; i < length; i++)
        {
            state = (0.998 * state) + (0.05 * Gaussian(random));
            noise[i] = (float)state;
        }

        Normalise(noise);
        return noise;
    }

    /// <summary>Mean power (mean square) of <paramref name="signal"/>.</summary>
    public static double Power(ReadOnlySpan<float> signal)
    {
        if (signal.IsEmpty)
        {
            return 0;
        }

        double sum = 0;
        foreach (float x in signal)
        {
            sum += x * x;
        }

        return sum / signal.Length;
    }

    /// <summary>
    /// Adds <paramref name="noise"/> (at least as long) to <paramref name="signal"/> in place, scaled so the signal's
    /// power over <paramref name="referencePower"/>'s reference is <paramref name="snrDb"/> dB above the noise power.
    /// </summary>
    public static void MixAtSnr(Span<float> signal, ReadOnlySpan<float> noise, double referencePower, double snrDb)
    {
        double noisePower = Power(noise[..signal.Length]);
        if (noisePower <= 0 || referencePower <= 0)
        {
            return;
        }

        double gain = Math.Sqrt(referencePower / noisePower / Math.Pow(10, snrDb / 10));
        for (int i = 0; i < signal.Length; i++)
        {
            signal[i] = Math.Clamp(signal[i] + (float)(gain * noise[i]), -1f, 1f);
        }
    }

    private static void Normalise(float[] noise)
    {
        double rms = Math.Sqrt(Power(noise));
        if (rms > 0)
        {
            for (int i = 0; i < noise.Length; i++)
            {
                noise[i] = (float)(noise[i] / rms);
            }
        }
    }

    private static double Gaussian(Random random)
    {
        // Box-Muller: two uniforms to one standard normal value.
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
