namespace SecureBase.Audio.Tests.Synthesis;

/// <summary>Non-cry test sounds a nursery hears: voices, tones, music boxes, lullabies, noise machines.</summary>
public static class NonCrySynth
{
    /// <summary>
    /// Speech-like voice: syllables of 0.12-0.3 s with a low, gently falling f0 (intonation) and vowel-like formants,
    /// separated by short consonant gaps, in phrases with pauses.
    /// </summary>
    public static float[] Speech(int sampleRate, double f0Hz, double seconds, int seed = 1)
    {
        var random = new Random(seed);
        var builder = new SignalBuilder(sampleRate);
        double[] formants1 = [300, 500, 700, 400, 650];
        double[] formants2 = [2300, 1500, 1200, 900, 1900];
        while (builder.DurationSeconds < seconds)
        {
            int syllables = random.Next(3, 8);
            for (int s = 0; s < syllables; s++)
            {
                double length = 0.12 + (0.18 * random.NextDouble());
                double start = f0Hz * (1.1 - (0.2 * s / syllables));
                int vowel = random.Next(formants1.Length);
                builder.Append(Vowel(sampleRate, start, start * 0.92, length, formants1[vowel], formants2[vowel]));
                builder.Silence(0.04 + (0.06 * random.NextDouble()));
            }

            builder.Silence(0.3 + (0.4 * random.NextDouble()));
        }

        return builder.Build();
    }

    /// <summary>A steady tone with a few harmonics (an appliance, a synthesizer pad, a test tone).</summary>
    public static float[] Tone(int sampleRate, double hz, double seconds, int harmonics = 1, double levelDbfs = -20)
    {
        int n = (int)(seconds * sampleRate);
        var output = new float[n];
        double amplitude = Math.Pow(10, levelDbfs / 20);
        for (int i = 0; i < n; i++)
        {
            double t = i / (double)sampleRate;
            double x = 0;
            for (int k = 1; k <= harmonics; k++)
            {
                x += Math.Sin(2 * Math.PI * k * hz * t) / k;
            }

            output[i] = (float)(amplitude * x);
        }

        return output;
    }

    /// <summary>
    /// A music box: plucked notes (partials at 1, 2, 3 and 4.2 times the pitch, decaying exponentially) that ring into
    /// each other, playing a melody in 500-1400 Hz.
    /// </summary>
    public static float[] MusicBox(int sampleRate, double seconds, double noteSeconds = 0.3)
    {
        double[] melody = [523, 523, 784, 784, 880, 880, 784, 698, 698, 659, 659, 587, 587, 523, 1047, 1319, 1175, 988];
        int n = (int)(seconds * sampleRate);
        var output = new float[n];
        int noteSamples = (int)(noteSeconds * sampleRate);
        for (int note = 0; note * noteSamples < n; note++)
        {
            double hz = melody[note % melody.Length];
            int start = note * noteSamples;
            for (int i = start; i < Math.Min(n, start + (4 * noteSamples)); i++)
            {
                double t = (i - start) / (double)sampleRate;
                double decay = Math.Exp(-t / 0.35);
                double x = Math.Sin(2 * Math.PI * hz * t) + (0.5 * Math.Sin(2 * Math.PI * 2 * hz * t))
                    + (0.25 * Math.Sin(2 * Math.PI * 3 * hz * t)) + (0.2 * Math.Sin(2 * Math.PI * 4.2 * hz * t));
                output[i] += (float)(0.05 * decay * x);
            }
        }

        return output;
    }

    /// <summary>A lullaby on a soft synthesizer: sustained notes with a gentle 5 Hz vibrato, 0.5 s each.</summary>
    public static float[] Lullaby(int sampleRate, double seconds)
    {
        double[] melody = [392, 392, 440, 392, 523, 494, 392, 392, 440, 392, 587, 523];
        int n = (int)(seconds * sampleRate);
        var output = new float[n];
        double phase = 0;
        for (int i = 0; i < n; i++)
        {
            double t = i / (double)sampleRate;
            int note = (int)(t / 0.5);
            double local = t - (note * 0.5);
            double hz = melody[note % melody.Length] * (1 + (0.004 * Math.Sin(2 * Math.PI * 5 * t)));
            phase += 2 * Math.PI * hz / sampleRate;
            double envelope = Math.Min(1, local / 0.02) * Math.Exp(-local / 0.8);
            output[i] = (float)(0.08 * envelope * (Math.Sin(phase) + (0.3 * Math.Sin(2 * phase))));
        }

        return output;
    }

    private static float[] Vowel(int sampleRate, double f0Start, double f0End, double seconds, double formant1, double formant2)
    {
        int n = (int)(seconds * sampleRate);
        var output = new float[n];
        double phase = 0;
        int harmonics = (int)(3500 / Math.Max(f0Start, f0End));
        for (int i = 0; i < n; i++)
        {
            double t = i / (double)sampleRate;
            double f = f0Start + ((f0End - f0Start) * t / seconds);
            phase += 2 * Math.PI * f / sampleRate;
            double x = 0;
            for (int k = 1; k <= harmonics; k++)
            {
                double hz = k * f;
                double gain = Math.Exp(-Math.Pow((hz - formant1) / 150, 2)) + (0.5 * Math.Exp(-Math.Pow((hz - formant2) / 250, 2))) + 0.05;
                x += gain * Math.Sin(k * phase);
            }

            double envelope = Math.Sin(Math.PI * t / seconds);
            output[i] = (float)(0.1 * envelope * x);
        }

        return output;
    }
}
