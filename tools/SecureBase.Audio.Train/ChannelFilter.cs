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

    /// <summary>
    /// Raises the pitch by <paramref name="factor"/> but keeps each moment's spectral envelope (a hyperphonated cry
    /// keeps the baby's vocal tract; <see cref="Hyper"/> raises the formants with f0, which is what a raised adult
    /// voice looks like), written at <paramref name="outputRate"/> Hz like <see cref="Hyper"/>. The clip gets shorter
    /// by the factor, as with <see cref="Hyper"/>, so the two kinds of copy differ only in their envelope.
    /// </summary>
    public static float[] HyperKeepingFormants(ReadOnlySpan<float> samples, int sampleRate, double factor, int outputRate) =>
        Hyper(RaiseKeepingFormants(samples, sampleRate, factor), sampleRate, 1, outputRate);

    /// <summary>
    /// Formant-preserving pitch raise at the input rate: linear prediction every 5 ms over 30 ms Hann windows gives
    /// each moment's all-pole envelope; the signal is inverse-filtered to its residual (the source: pulses at f0 with a
    /// flat spectrum), the residual is raised by <paramref name="factor"/> by resampling (<see cref="Raise"/>), and the
    /// envelope of the original moment each output sample came from is applied again. The output has the input's RMS.
    /// </summary>
    /// <param name="samples">Mono audio at <paramref name="sampleRate"/> Hz.</param>
    /// <param name="sampleRate">Sample rate in Hz.</param>
    /// <param name="factor">Pitch ratio (&gt; 1 raises f0); the result has 1/factor as many samples.</param>
    /// <param name="order">Prediction order; 10 at 8 kHz gives the 2-3 formants under 4 kHz and the tilt.</param>
    /// <param name="smoothingHz">
    /// Width (Gaussian standard deviation, Hz) of the lag window that smooths the power spectrum before the envelope is
    /// fitted: a cry's harmonics are 300-600 Hz apart, and an unsmoothed predictor would model them, not the formants.
    /// </param>
    public static float[] RaiseKeepingFormants(ReadOnlySpan<float> samples, int sampleRate, double factor, int order = 10, double smoothingHz = 120)
    {
        int hop = Math.Max(1, (int)Math.Round(0.005 * sampleRate));
        int window = (int)Math.Round(0.030 * sampleRate);
        int frames = (samples.Length / hop) + 2;
        var reflection = new double[frames][];
        var lag = new double[order + 1];
        for (int l = 0; l <= order; l++)
        {
            double w = 2 * Math.PI * smoothingHz * l / sampleRate;
            lag[l] = Math.Exp(-0.5 * w * w);
        }

        var segment = new double[window];
        var r = new double[order + 1];
        for (int j = 0; j < frames; j++)
        {
            int start = (j * hop) - (window / 2);
            for (int i = 0; i < window; i++)
            {
                int n = start + i;
                double hann = 0.5 - (0.5 * Math.Cos(2 * Math.PI * (i + 0.5) / window));
                segment[i] = n >= 0 && n < samples.Length ? samples[n] * hann : 0;
            }

            for (int l = 0; l <= order; l++)
            {
                double sum = 0;
                for (int i = l; i < window; i++)
                {
                    sum += segment[i] * segment[i - l];
                }

                r[l] = sum * lag[l];
            }

            // A -40 dB noise floor keeps the recursion well conditioned on near-silent or band-limited frames.
            r[0] *= 1.0001;
            reflection[j] = Reflection(r, order);
        }

        // Coefficients change every millisecond, interpolated between frames as reflection coefficients (every
        // interpolated set is then still a stable, minimum-phase filter).
        int block = Math.Max(1, sampleRate / 1000);
        var a = new double[order + 1];
        var k = new double[order];
        var residual = new float[samples.Length];
        for (int n = 0; n < samples.Length; n++)
        {
            if (n % block == 0)
            {
                Interpolate(reflection, (double)n / hop, k);
                Direct(k, a);
            }

            double e = samples[n];
            for (int i = 1; i <= order && i <= n; i++)
            {
                e += a[i] * samples[n - i];
            }

            residual[n] = (float)e;
        }

        float[] source = Raise(residual, sampleRate, factor);
        var output = new float[source.Length];
        for (int m = 0; m < output.Length; m++)
        {
            if (m % block == 0)
            {
                // Output sample m came from the input at m * factor: its envelope is that moment's.
                Interpolate(reflection, m * factor / hop, k);
                Direct(k, a);
            }

            double y = source[m];
            for (int i = 1; i <= order && i <= m; i++)
            {
                y -= a[i] * output[m - i];
            }

            output[m] = (float)y;
        }

        double inputPower = Power(samples), outputPower = Power(output);
        if (outputPower > 0)
        {
            float gain = (float)Math.Sqrt(inputPower / outputPower);
            for (int m = 0; m < output.Length; m++)
            {
                output[m] *= gain;
            }
        }

        return output;
    }

    private static double Power(ReadOnlySpan<float> x)
    {
        double sum = 0;
        foreach (float v in x)
        {
            sum += v * v;
        }

        return x.Length > 0 ? sum / x.Length : 0;
    }

    /// <summary>Levinson-Durbin: the reflection coefficients of the predictor for autocorrelation <paramref name="r"/>.</summary>
    private static double[] Reflection(double[] r, int order)
    {
        var k = new double[order];
        if (r[0] <= 1e-12)
        {
            return k;
        }

        var a = new double[order + 1];
        var previous = new double[order + 1];
        a[0] = 1;
        double error = r[0];
        for (int i = 1; i <= order; i++)
        {
            double acc = r[i];
            for (int j = 1; j < i; j++)
            {
                acc += a[j] * r[i - j];
            }

            // Clamped just inside the unit circle: rounding must not turn a stable filter unstable.
            double ki = Math.Clamp(-acc / error, -0.999, 0.999);
            k[i - 1] = ki;
            Array.Copy(a, previous, i);
            for (int j = 1; j < i; j++)
            {
                a[j] = previous[j] + (ki * previous[i - j]);
            }

            a[i] = ki;
            error *= 1 - (ki * ki);
        }

        return k;
    }

    private static void Interpolate(double[][] frames, double position, double[] k)
    {
        int j = Math.Clamp((int)position, 0, frames.Length - 1);
        int next = Math.Min(j + 1, frames.Length - 1);
        double frac = Math.Clamp(position - j, 0, 1);
        for (int i = 0; i < k.Length; i++)
        {
            k[i] = ((1 - frac) * frames[j][i]) + (frac * frames[next][i]);
        }
    }

    /// <summary>Step-up recursion: reflection coefficients to the direct-form predictor 1 + a1 z^-1 + ... .</summary>
    private static void Direct(double[] k, double[] a)
    {
        Array.Clear(a);
        a[0] = 1;
        Span<double> previous = stackalloc double[a.Length];
        for (int i = 1; i <= k.Length; i++)
        {
            a.AsSpan(0, i).CopyTo(previous);
            for (int j = 1; j < i; j++)
            {
                a[j] = previous[j] + (k[i - 1] * previous[i - j]);
            }

            a[i] = k[i - 1];
        }
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
