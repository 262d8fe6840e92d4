/// <summary>
/// Simple microphone/room colourings for training augmentation (RBJ audio-EQ-cookbook biquads): a muffled microphone
/// (low-pass 1.5-3 kHz), a small tinny one (high-pass 300-600 Hz), and bright or dark tilts (shelves of ±6-8 dB
/// split between 300 Hz and 2 kHz). Applied in place, to cries and non-cries alike, so a model cannot learn one
/// corpus's microphone as "cry".
/// </summary>
internal static class ChannelFilter
{
    /// <summary>Applies one random colouring; returns its description.</summary>
    public static string ApplyRandom(Span<float> samples, int sampleRate, Random random)
    {
        switch (random.Next(4))
        {
            case 0:
                double cut = 1500 + (1500 * random.NextDouble());
                Biquad(samples, LowPass(sampleRate, Math.Min(cut, 0.45 * sampleRate)));
                Biquad(samples, LowPass(sampleRate, Math.Min(cut, 0.45 * sampleRate)));
                return $"lp{cut:0}";
            case 1:
                double low = 300 + (300 * random.NextDouble());
                Biquad(samples, HighPass(sampleRate, low));
                Biquad(samples, HighPass(sampleRate, low));
                return $"hp{low:0}";
            default:
                double gain = (6 + (2 * random.NextDouble())) * (random.Next(2) == 0 ? 1 : -1);
                Biquad(samples, Shelf(sampleRate, 300, -gain / 2, high: false));
                Biquad(samples, Shelf(sampleRate, 2000, gain / 2, high: true));
                return $"tilt{gain:+0.0;-0.0}";
        }
    }

    /// <summary>
    /// Raises pitch and formants together by <paramref name="factor"/> (a child's or a raised voice; the clip gets
    /// shorter by the same factor): a fourth-order low-pass at the new Nyquist limit, then linear interpolation.
    /// </summary>
    public static float[] Raise(ReadOnlySpan<float> samples, int sampleRate, double factor)
    {
        float[] filtered = samples.ToArray();
        double cut = 0.45 * sampleRate / factor;
        Biquad(filtered, LowPass(sampleRate, cut));
        Biquad(filtered, LowPass(sampleRate, cut));
        var output = new float[(int)((filtered.Length - 1) / factor)];
        for (int n = 0; n < output.Length; n++)
        {
            double position = n * factor;
            int i = (int)position;
            double frac = position - i;
            output[n] = (float)(((1 - frac) * filtered[i]) + (frac * filtered[i + 1]));
        }

        return output;
    }

    /// <summary>
    /// Raises pitch and formants by <paramref name="factor"/> and writes the result at <paramref name="outputRate"/> Hz
    /// (chosen so that <c>outputRate / 2 &gt; rate / 2 * factor</c>: the whole raised band fits, no anti-alias filter is
    /// needed). Linear interpolation; a low-pass at the raised band's edge takes off most of the interpolation images.
    /// </summary>
    public static float[] Hyper(ReadOnlySpan<float> samples, int sampleRate, double factor, int outputRate)
    {
        double step = factor * sampleRate / outputRate;
        var output = new float[(int)((samples.Length - 1) / step)];
        for (int n = 0; n < output.Length; n++)
        {
            double position = n * step;
            int i = (int)position;
            double frac = position - i;
            output[n] = (float)(((1 - frac) * samples[i]) + (frac * samples[i + 1]));
        }

        double edge = Math.Min(0.45 * outputRate, 0.5 * sampleRate * factor);
        Biquad(output, LowPass(outputRate, edge));
        Biquad(output, LowPass(outputRate, edge));
        return output;
    }

    private static (double B0, double B1, double B2, double A1, double A2) LowPass(int rate, double f)
    {
        double w = 2 * Math.PI * f / rate, alpha = Math.Sin(w) / (2 * Math.Sqrt(0.5)), cos = Math.Cos(w), a0 = 1 + alpha;
        return ((1 - cos) / 2 / a0, (1 - cos) / a0, (1 - cos) / 2 / a0, -2 * cos / a0, (1 - alpha) / a0);
    }

    private static (double B0, double B1, double B2, double A1, double A2) HighPass(int rate, double f)
    {
        double w = 2 * Math.PI * f / rate, alpha = Math.Sin(w) / (2 * Math.Sqrt(0.5)), cos = Math.Cos(w), a0 = 1 + alpha;
        return ((1 + cos) / 2 / a0, -(1 + cos) / a0, (1 + cos) / 2 / a0, -2 * cos / a0, (1 - alpha) / a0);
    }

    private static (double B0, double B1, double B2, double A1, double A2) Shelf(int rate, double f, double gainDb, bool high)
    {
        double a = Math.Pow(10, gainDb / 40), w = 2 * Math.PI * f / rate, cos = Math.Cos(w);
        double alpha = Math.Sin(w) / 2 * Math.Sqrt(2), s = 2 * Math.Sqrt(a) * alpha;
        double sign = high ? -1 : 1;
        // Cookbook low shelf; the high shelf is the same with the signs of the cosine terms flipped.
        double b0 = a * ((a + 1) - (sign * (a - 1) * cos) + s);
        double b1 = 2 * sign * a * ((a - 1) - (sign * (a + 1) * cos));
        double b2 = a * ((a + 1) - (sign * (a - 1) * cos) - s);
        double a0 = (a + 1) + (sign * (a - 1) * cos) + s;
        double a1 = -2 * sign * ((a - 1) + (sign * (a + 1) * cos));
        double a2 = (a + 1) + (sign * (a - 1) * cos) - s;
        return (b0 / a0, b1 / a0, b2 / a0, a1 / a0, a2 / a0);
    }

    private static void Biquad(Span<float> x, (double B0, double B1, double B2, double A1, double A2) c)
    {
        double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double y = (c.B0 * x[i]) + (c.B1 * x1) + (c.B2 * x2) - (c.A1 * y1) - (c.A2 * y2);
            x2 = x1;
            x1 = x[i];
            y2 = y1;
            y1 = y;
            x[i] = (float)y;
        }
    }
}
