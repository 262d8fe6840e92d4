using SecureBase.Audio.Dsp;
using SecureBase.Audio.Tests.Synthesis;

namespace SecureBase.Audio.Tests.Dsp;

/// <summary>
/// The short-time spectrum the learned check may read for pending units (<see cref="MelSpectrum"/>) and its per-unit
/// summary (<see cref="SpectralUnitSummary"/>): a tone lands in its bin and band, a steady vowel shows little spectral
/// flux while alternating vowels show a lot, noise is flat and a harmonic sound puts its power on its harmonics.
/// </summary>
public class MelSpectrumTests
{
    private const int Rate = 8000;
    private const int FrameLength = 256; // 32 ms, as in the detector

    [Theory]
    [InlineData(437.5)]
    [InlineData(1500)]
    [InlineData(3125)]
    public void A_tone_puts_its_power_in_its_own_bin_and_mel_band(double hz)
    {
        var spectrum = new MelSpectrum(Rate, FrameLength);
        spectrum.Analyse(Harmonics(hz, k => k == 1 ? 1 : 0, 0));

        int peakBin = IndexOfMax(spectrum.Power);
        int peakBand = IndexOfMax(spectrum.LogMel);

        Assert.Equal(hz, peakBin * spectrum.BinHz, 1e-6);
        Assert.InRange(BandCentreHz(peakBand, spectrum.Bands), hz * 0.85, hz * 1.15);
    }

    [Fact]
    public void Parseval_holds_for_the_windowed_frame()
    {
        // A radix-2 mistake (twiddles, bit reversal) breaks the energy balance between time and frequency.
        var random = new Random(7);
        float[] frame = new float[FrameLength];
        for (int i = 0; i < frame.Length; i++)
        {
            frame[i] = (float)((random.NextDouble() * 2) - 1);
        }

        var spectrum = new MelSpectrum(Rate, FrameLength);
        spectrum.Analyse(frame);

        double timeEnergy = 0;
        for (int i = 0; i < FrameLength; i++)
        {
            double w = 0.5 - (0.5 * Math.Cos(2 * Math.PI * i / (FrameLength - 1)));
            timeEnergy += frame[i] * w * frame[i] * w;
        }

        ReadOnlySpan<float> power = spectrum.Power;
        double frequencyEnergy = power[0] + power[^1];
        for (int k = 1; k < power.Length - 1; k++)
        {
            frequencyEnergy += 2 * power[k];
        }

        Assert.Equal(timeEnergy, frequencyEnergy / FrameLength, timeEnergy * 1e-4);
    }

    [Fact]
    public void A_steady_vowel_has_little_flux_and_alternating_vowels_much()
    {
        // Same f0 and level; the second changes its formant every 60 ms, as syllables do.
        float[] steady = Summarise(_ => 700);
        float[] changing = Summarise(i => (i / 6) % 2 == 0 ? 700 : 2300);

        int flux10 = SpectralUnitSummary.Cepstra + 1;
        int flux50 = SpectralUnitSummary.Cepstra + 2;
        Assert.True(steady[flux50] < 0.05, $"steady 50 ms flux {steady[flux50]:0.000}");
        Assert.True(changing[flux50] > 10 * Math.Max(steady[flux50], 0.01), $"steady {steady[flux50]:0.000}, changing {changing[flux50]:0.000}");
        Assert.True(changing[flux10] > steady[flux10]);
    }

    [Fact]
    public void Noise_is_flat_and_a_harmonic_sound_keeps_its_power_on_its_harmonics()
    {
        var random = new Random(3);
        var noise = new SpectralUnitSummary(24);
        var voice = new SpectralUnitSummary(24);
        var spectrum = new MelSpectrum(Rate, FrameLength);
        float[] frame = new float[FrameLength];
        for (int i = 0; i < 20; i++)
        {
            for (int n = 0; n < frame.Length; n++)
            {
                frame[n] = (float)((random.NextDouble() * 2) - 1);
            }

            spectrum.Analyse(frame);
            noise.Add(spectrum, i, 450);
            spectrum.Analyse(Harmonics(450, k => 1.0 / k, i * 80));
            voice.Add(spectrum, i, 450);
        }

        float[] n1 = new float[SpectralUnitSummary.Count];
        float[] v1 = new float[SpectralUnitSummary.Count];
        noise.Fill(n1);
        voice.Fill(v1);
        int flatness = SpectralUnitSummary.Cepstra + 3;
        int harmonic = SpectralUnitSummary.Cepstra + 5;
        Assert.True(n1[flatness] > -1.0, $"noise flatness {n1[flatness]:0.00}");
        Assert.True(v1[flatness] < n1[flatness] - 2, $"voice {v1[flatness]:0.00}, noise {n1[flatness]:0.00}");
        Assert.True(v1[harmonic] > 0.9, $"voice harmonic share {v1[harmonic]:0.00}");
        // Three bins in every 14.4 (450 Hz / 31.25 Hz bins) lie next to a harmonic: about 0.2 for flat noise.
        Assert.InRange(n1[harmonic], 0.12, 0.3);
    }

    [Fact]
    public void Analysing_and_summarising_allocate_nothing()
    {
        var spectrum = new MelSpectrum(Rate, FrameLength);
        var summary = new SpectralUnitSummary(24);
        float[] frame = Harmonics(500, k => 1.0 / k, 0);
        float[] features = new float[SpectralUnitSummary.Count];
        spectrum.Analyse(frame);
        summary.Add(spectrum, 0, 500);
        summary.Fill(features);

        long bytes = Allocations.Fewest(() =>
        {
            for (int i = 1; i < 200; i++)
            {
                spectrum.Analyse(frame);
                summary.Add(spectrum, i, 500);
            }

            summary.Fill(features);
            summary.Clear();
        });

        Assert.Equal(0, bytes);
    }

    [Fact]
    public void Frames_at_44_1_kHz_decimated_rates_are_zero_padded_to_the_next_power_of_two()
    {
        // 8820 Hz analysis rate: 282-sample frames, 512-point FFT.
        var spectrum = new MelSpectrum(8820, 282);
        spectrum.Analyse(Harmonics(1000, k => k == 1 ? 1 : 0, 0, 8820, 282));

        Assert.Equal(257, spectrum.Power.Length);
        Assert.InRange(IndexOfMax(spectrum.Power) * spectrum.BinHz, 1000 - spectrum.BinHz, 1000 + spectrum.BinHz);
    }

    private static float[] Summarise(Func<int, double> formantHz)
    {
        var spectrum = new MelSpectrum(Rate, FrameLength);
        var summary = new SpectralUnitSummary(24);
        for (int i = 0; i < 40; i++)
        {
            double formant = formantHz(i);
            spectrum.Analyse(Harmonics(400, k => Math.Exp(-Math.Pow((400 * k) - formant, 2) / (2 * 200 * 200)) + 0.01, i * 80));
            summary.Add(spectrum, i, 400);
        }

        float[] features = new float[SpectralUnitSummary.Count];
        summary.Fill(features);
        return features;
    }

    private static float[] Harmonics(double f0, Func<int, double> amplitude, int offset, int rate = Rate, int length = FrameLength)
    {
        var frame = new float[length];
        for (int k = 1; k * f0 < rate / 2.0; k++)
        {
            double a = amplitude(k);
            for (int n = 0; n < frame.Length; n++)
            {
                frame[n] += (float)(a * Math.Sin(2 * Math.PI * k * f0 * (n + offset) / rate));
            }
        }

        return frame;
    }

    private static int IndexOfMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }

    private static double BandCentreHz(int band, int bands)
    {
        static double Mel(double hz) => 2595 * Math.Log10(1 + (hz / 700));
        double mel = Mel(150) + ((Mel(4000) - Mel(150)) * (band + 1) / (bands + 1));
        return 700 * (Math.Pow(10, mel / 2595) - 1);
    }
}
