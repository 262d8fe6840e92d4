using SecureBase.Audio.Dsp;

namespace SecureBase.Audio.Tests.Dsp;

/// <summary>The channel-augmentation filters colour a signal the way their names say.</summary>
public class BiquadTests
{
    private const int Rate = 16000;

    private static double GainDb(Biquad filter, double hz)
    {
        var x = new float[Rate];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (float)Math.Sin(2 * Math.PI * hz * i / Rate);
        }

        filter.Process(x);
        // Skip the first 0.1 s (the filter settling); a unit sine has mean square 0.5.
        double power = x.Skip(Rate / 10).Average(v => (double)v * v);
        return 10 * Math.Log10(power / 0.5);
    }

    [Fact]
    public void Low_pass_keeps_the_low_and_cuts_the_high()
    {
        Assert.InRange(GainDb(Biquad.LowPass(Rate, 2000), 300), -0.5, 0.5);
        Assert.InRange(GainDb(Biquad.LowPass(Rate, 2000), 2000), -3.5, -2.5);
        Assert.True(GainDb(Biquad.LowPass(Rate, 2000), 6000) < -15);
    }

    [Fact]
    public void High_pass_cuts_the_low_and_keeps_the_high()
    {
        Assert.True(GainDb(Biquad.HighPass(Rate, 500), 100) < -20);
        Assert.InRange(GainDb(Biquad.HighPass(Rate, 500), 3000), -0.5, 0.5);
    }

    [Fact]
    public void Peak_lifts_its_centre_by_its_gain()
    {
        Assert.InRange(GainDb(Biquad.Peak(Rate, 2500, 8), 2500), 7.5, 8.5);
        Assert.InRange(GainDb(Biquad.Peak(Rate, 2500, 8), 200), -0.1, 1.5);
    }

    [Fact]
    public void A_frequency_at_or_above_half_the_rate_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Biquad.LowPass(Rate, 8000));
        Assert.Throws<ArgumentException>(() => Biquad.HighPass(Rate, 0));
    }
}
