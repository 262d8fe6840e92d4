namespace SecureBase.Audio.Train.Tests;

/// <summary>
/// Known answers for the hyperphonated training copies: a synthetic vowel (a pulse train at f0 through one resonance
/// at F Hz) raised by k must come out with f0 at k·f0 and, when the formants are kept, its strongest harmonic still
/// at F, where a plain resampling raise moves it to k·F.
/// </summary>
public sealed class ChannelFilterTests
{
    private const int Rate = 8000;
    private const int OutputRate = 24000;

    [Theory]
    [InlineData(400, 2000, 2.5)] // f0 1000 Hz; F is the 2nd harmonic after, the 5th before
    [InlineData(400, 2400, 2.0)] // f0 800 Hz; F is the 3rd harmonic after, the 6th before
    [InlineData(500, 1000, 2.0)] // f0 1000 Hz; F was the 2nd harmonic and becomes the 1st
    public void Keeping_formants_moves_f0_and_leaves_the_formant_in_place(double f0, double formant, double k)
    {
        float[] vowel = Vowel(f0, formant, seconds: 2);

        float[] kept = ChannelFilter.HyperKeepingFormants(vowel, Rate, k, OutputRate);

        Assert.Equal(k * f0, Pitch(kept, OutputRate), tolerance: 0.03 * k * f0);
        var (peak, contrast) = StrongestHarmonic(kept, OutputRate, k * f0);
        Assert.Equal(formant, peak, tolerance: 1);
        // The formant stands out: not a flat spectrum whose strongest harmonic is a near tie.
        Assert.True(contrast > 6, $"strongest harmonic only {contrast:0.0} dB over the next");
    }

    [Theory]
    [InlineData(400, 2000, 2.5)]
    [InlineData(400, 2400, 2.0)]
    public void A_plain_raise_moves_the_formant_with_f0(double f0, double formant, double k)
    {
        // The control: the same measurement tells the two raises apart.
        float[] raised = ChannelFilter.Hyper(Vowel(f0, formant, seconds: 2), Rate, k, OutputRate);

        Assert.Equal(k * f0, Pitch(raised, OutputRate), tolerance: 0.03 * k * f0);
        Assert.Equal(k * formant, StrongestHarmonic(raised, OutputRate, k * f0, maxHz: 10000).Frequency, tolerance: 1);
    }

    [Fact]
    public void Keeping_formants_shortens_by_the_factor_and_keeps_the_level()
    {
        float[] vowel = Vowel(450, 1500, seconds: 2);

        float[] kept = ChannelFilter.RaiseKeepingFormants(vowel, Rate, 2.2);

        Assert.Equal(vowel.Length / 2.2, kept.Length, tolerance: 2);
        Assert.Equal(Rms(vowel), Rms(kept), tolerance: 0.01 * Rms(vowel));
        Assert.All(kept, v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Keeping_formants_follows_a_formant_that_moves()
    {
        // First second F = 1600 Hz, second second F = 2400 Hz: each half of the copy keeps its own envelope.
        float[] first = Vowel(400, 1600, seconds: 1), second = Vowel(400, 2400, seconds: 1);
        float[] vowel = [.. first, .. second];

        float[] kept = ChannelFilter.HyperKeepingFormants(vowel, Rate, 2, OutputRate);
        int half = kept.Length / 2;

        Assert.Equal(1600, StrongestHarmonic(kept.AsSpan(0, half).ToArray(), OutputRate, 800).Frequency, tolerance: 1);
        Assert.Equal(2400, StrongestHarmonic(kept.AsSpan(half).ToArray(), OutputRate, 800).Frequency, tolerance: 1);
    }

    /// <summary>Unit pulses at f0 through a two-pole resonance at <paramref name="formantHz"/> (300 Hz bandwidth, about a baby's first formant).</summary>
    private static float[] Vowel(double f0, double formantHz, double seconds)
    {
        var pulses = new double[(int)(seconds * Rate)];
        for (double t = 0; t < seconds; t += 1 / f0)
        {
            // Fractional pulse positions split between two samples, so f0 is exact at any rate.
            double position = t * Rate;
            int i = (int)position;
            if (i + 1 < pulses.Length)
            {
                pulses[i] += 1 - (position - i);
                pulses[i + 1] += position - i;
            }
        }

        double radius = Math.Exp(-Math.PI * 300 / Rate), theta = 2 * Math.PI * formantHz / Rate;
        double a1 = -2 * radius * Math.Cos(theta), a2 = radius * radius;
        var output = new float[pulses.Length];
        double y1 = 0, y2 = 0;
        for (int n = 0; n < pulses.Length; n++)
        {
            double y = pulses[n] - (a1 * y1) - (a2 * y2);
            y2 = y1;
            y1 = y;
            output[n] = (float)(0.02 * y);
        }

        return output;
    }

    /// <summary>
    /// f0 as the lowest spectral line within 30 dB of the strongest (Blackman-Harris window over the middle half, 5 Hz
    /// grid from 150 Hz): an autocorrelation would read a vowel whose formant sits on its 2nd harmonic an octave high,
    /// and a line left at the input's f0 would show here.
    /// </summary>
    private static double Pitch(float[] x, int rate)
    {
        int start = x.Length / 4, length = x.Length / 2;
        var window = new double[length];
        for (int i = 0; i < length; i++)
        {
            double p = 2 * Math.PI * i / (length - 1);
            window[i] = 0.35875 - (0.48829 * Math.Cos(p)) + (0.14128 * Math.Cos(2 * p)) - (0.01168 * Math.Cos(3 * p));
        }

        var grid = new List<(double F, double P)>();
        for (double f = 150; f < 3900; f += 5)
        {
            double re = 0, im = 0;
            for (int i = 0; i < length; i++)
            {
                double phase = 2 * Math.PI * f * i / rate;
                re += window[i] * x[start + i] * Math.Cos(phase);
                im += window[i] * x[start + i] * Math.Sin(phase);
            }

            grid.Add((f, (re * re) + (im * im)));
        }

        double highest = grid.Max(g => g.P);
        for (int i = 1; i < grid.Count - 1; i++)
        {
            if (grid[i].P >= highest / 1000 && grid[i].P >= grid[i - 1].P && grid[i].P >= grid[i + 1].P)
            {
                return grid[i].F;
            }
        }

        return double.NaN;
    }

    /// <summary>The harmonic of <paramref name="f0"/> with the most power (Hann-windowed middle half) and its lead in dB over the next strongest.</summary>
    private static (double Frequency, double Contrast) StrongestHarmonic(float[] x, int rate, double f0, double maxHz = 3900)
    {
        int start = x.Length / 4, length = x.Length / 2;
        var powers = new List<(double F, double P)>();
        for (double f = f0; f < maxHz; f += f0)
        {
            double re = 0, im = 0;
            for (int i = 0; i < length; i++)
            {
                double w = 0.5 - (0.5 * Math.Cos(2 * Math.PI * i / length));
                double phase = 2 * Math.PI * f * i / rate;
                re += w * x[start + i] * Math.Cos(phase);
                im += w * x[start + i] * Math.Sin(phase);
            }

            powers.Add((f, (re * re) + (im * im)));
        }

        var ordered = powers.OrderByDescending(p => p.P).ToList();
        return (ordered[0].F, 10 * Math.Log10(ordered[0].P / ordered[1].P));
    }

    private static double Rms(float[] x) => Math.Sqrt(x.Sum(v => v * (double)v) / x.Length);
}
