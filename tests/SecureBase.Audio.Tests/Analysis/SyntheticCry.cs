namespace SecureBase.Audio.Tests.Analysis;

/// <summary>
/// Cry-like test signals: harmonic bursts (units) with a rise-and-fall pitch contour, a little vibrato and jitter,
/// separated by inhalation pauses, over a quiet noise floor.
/// </summary>
internal static class SyntheticCry
{
    /// <summary>A mono signal: <paramref name="leadIn"/> s of quiet, then the units, then <paramref name="tail"/> s of quiet.</summary>
    public static float[] Make(int rate, double leadIn, int units, double unitSeconds, double pauseSeconds, double f0Hz, double tail, int seed = 1)
    {
        var random = new Random(seed);
        double total = leadIn + (units * unitSeconds) + ((units - 1) * pauseSeconds) + tail;
        var samples = new float[(int)(total * rate)];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = (float)((random.NextDouble() - 0.5) * 0.002); // about -60 dBFS of background
        }

        double phase = 0, jitter = 0;
        for (int unit = 0; unit < units; unit++)
        {
            double start = leadIn + (unit * (unitSeconds + pauseSeconds));
            int first = (int)(start * rate), count = (int)(unitSeconds * rate);
            for (int n = 0; n < count && first + n < samples.Length; n++)
            {
                double t = (double)n / count;
                // Jitter: the period wanders a little from cycle to cycle, as a real voice does.
                if (n % (rate / 400) == 0)
                {
                    jitter = (0.7 * jitter) + ((random.NextDouble() - 0.5) * 0.02);
                }

                // Pitch rises then falls by ±8% over the unit, with a 6 Hz vibrato and small random jitter.
                double f = f0Hz * (1 + (0.08 * Math.Sin(Math.PI * t)) - 0.04 + (0.015 * Math.Sin(2 * Math.PI * 6 * n / rate)))
                    * (1 + jitter);
                phase += 2 * Math.PI * f / rate;
                double envelope = Math.Min(1, Math.Min(t * 20, (1 - t) * 20));
                double value = 0;
                for (int h = 1; h <= 6; h++)
                {
                    value += Math.Sin(h * phase) / h;
                }

                double breath = (random.NextDouble() - 0.5) * 0.08; // turbulent air under the voice
                samples[first + n] += (float)(0.3 * envelope * (value + breath));
            }
        }

        return samples;
    }
}
