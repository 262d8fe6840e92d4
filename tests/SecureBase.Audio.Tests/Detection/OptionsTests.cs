using SecureBase.Audio.Detection;

namespace SecureBase.Audio.Tests.Detection;

public class OptionsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(4000)]
    [InlineData(500000)]
    public void Absurd_sample_rates_are_refused_with_a_clear_message(int rate)
    {
        var error = Assert.Throws<ArgumentException>(() => new CryDetector(new CryDetectorOptions { SampleRate = rate }));

        Assert.Contains("SampleRate", error.Message);
        Assert.Contains(rate.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
    }

    [Fact]
    public void Inconsistent_thresholds_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new CryDetectorOptions { MinF0Hz = 900, MaxF0Hz = 800 }.Validate());
        Assert.Throws<ArgumentException>(() => new CryDetectorOptions { VoicingThreshold = double.NaN }.Validate());
        Assert.Throws<ArgumentException>(() => new CryDetectorOptions { MinUnitSeconds = 1, CryingUnitSeconds = 0.5 }.Validate());
        Assert.Throws<ArgumentException>(() => new CryDetectorOptions { ModelThreshold = 1.5 }.Validate());
        Assert.Throws<ArgumentException>(() => new CryDetectorOptions { OpeningOctavePreference = 0.8 }.Validate());
        new CryDetectorOptions().Validate();
    }

    [Theory]
    [InlineData(8000)]
    [InlineData(11025)]
    [InlineData(22050)]
    [InlineData(44100)]
    [InlineData(96000)]
    public void Every_common_rate_is_accepted(int rate)
    {
        var detector = new CryDetector(new CryDetectorOptions { SampleRate = rate });

        Assert.Equal(rate, detector.SampleRate);
    }
}
