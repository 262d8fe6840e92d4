using SecureBase.Audio.Dsp;

namespace SecureBase.Audio.Tests.Dsp;

/// <summary>
/// <see cref="PitchEstimate.SubharmonicExcess"/>: the estimator prefers the shortest period within 85 % of the best
/// correlation peak (octave-down errors on high cries would be worse), so a low voice whose strongest harmonic sits
/// on a formant can be read at that harmonic. The excess says how much better the longer period really fitted.
/// </summary>
public class SubharmonicExcessTests
{
    private const int Rate = 8000;
    private const int FrameLength = 256; // 32 ms, as in the detector

    [Fact]
    public void A_low_voice_read_on_its_dominant_harmonic_reports_how_much_better_the_true_period_fitted()
    {
        // 250 Hz voice, 4th harmonic (1 kHz) dominant, the others weak: the estimator reads ~1 kHz.
        float[] frame = Harmonics(250, k => k == 4 ? 1.0 : 0.1);

        PitchEstimate estimate = Estimator(0.85).Estimate(frame);

        Assert.InRange(estimate.F0Hz, 950, 1050);
        Assert.True(estimate.SubharmonicExcess >= 0.05, $"excess {estimate.SubharmonicExcess:0.000}");
    }

    [Fact]
    public void A_high_voice_read_at_its_own_f0_reports_no_excess()
    {
        // 500 Hz voice with naturally falling harmonics (1/k): the true period is also the best peak.
        float[] frame = Harmonics(500, k => 1.0 / k);

        PitchEstimate estimate = Estimator(0.85).Estimate(frame);

        Assert.InRange(estimate.F0Hz, 485, 515);
        Assert.True(estimate.SubharmonicExcess < 0.02, $"excess {estimate.SubharmonicExcess:0.000}");
    }

    [Fact]
    public void The_strict_reading_finds_the_low_voice_at_its_true_f0_and_the_high_voice_still_at_its_own()
    {
        double strict = new SecureBase.Audio.Detection.CryDetectorOptions().OpeningOctavePreference;

        PitchEstimate low = Estimator(0.85, strict).Estimate(Harmonics(250, k => k == 4 ? 1.0 : 0.1));
        PitchEstimate high = Estimator(0.85, strict).Estimate(Harmonics(500, k => 1.0 / k));

        Assert.InRange(low.F0Hz, 950, 1050);
        Assert.InRange(low.StrictF0Hz, 240, 260);
        Assert.InRange(high.F0Hz, 485, 515);
        Assert.InRange(high.StrictF0Hz, 485, 515);
    }

    [Theory]
    [InlineData(0.49)]
    [InlineData(1.01)]
    public void An_octave_preference_outside_one_half_to_one_is_refused(double preference) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Estimator(preference));

    private static PitchEstimator Estimator(double octavePreference, double strict = 1) => new(Rate, FrameLength, 80, 1600, octavePreference, strict);

    private static float[] Harmonics(double f0Hz, Func<int, double> amplitude)
    {
        var frame = new float[FrameLength];
        for (int k = 1; k * f0Hz < Rate / 2.0; k++)
        {
            double a = amplitude(k);
            for (int i = 0; i < frame.Length; i++)
            {
                frame[i] += (float)(0.1 * a * Math.Sin((2 * Math.PI * k * f0Hz * i / Rate) + (0.7 * k)));
            }
        }

        return frame;
    }
}
