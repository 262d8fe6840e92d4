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

        PitchEstimate estimate = Estimator().Estimate(frame);

        Assert.InRange(estimate.F0Hz, 950, 1050);
        Assert.True(estimate.SubharmonicExcess >= 0.05, $"excess {estimate.SubharmonicExcess:0.000}");
    }

    [Fact]
    public void A_high_voice_read_at_its_own_f0_reports_no_excess()
    {
        // 500 Hz voice with naturally falling harmonics (1/k): the true period is also the best peak.
        float[] frame = Harmonics(500, k => 1.0 / k);

        PitchEstimate estimate = Estimator().Estimate(frame);

        Assert.InRange(estimate.F0Hz, 485, 515);
        Assert.True(estimate.SubharmonicExcess < 0.02, $"excess {estimate.SubharmonicExcess:0.000}");
    }

    private static PitchEstimator Estimator() => new(Rate, FrameLength, 80, 1600);

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
