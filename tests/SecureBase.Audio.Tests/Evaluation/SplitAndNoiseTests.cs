using SecureBase.Audio.Evaluation;

namespace SecureBase.Audio.Tests.Evaluation;

public class SplitAndNoiseTests
{
    [Fact]
    public void Baby_id_is_the_uuid_so_recordings_of_one_baby_stay_on_one_side()
    {
        const string a = "data/hungry/7E4B9C14-F955-4BED-9B03-7F3096A6CBFF-1430232157-1.0-f-26-hu.wav";
        const string b = "other/tired/7e4b9c14-f955-4bed-9b03-7f3096a6cbff-1430232166-1.0-f-26-ti.wav";

        Assert.Equal("7E4B9C14-F955-4BED-9B03-7F3096A6CBFF", DonateACrySplit.BabyId(a));
        Assert.Equal(DonateACrySplit.BabyId(a), DonateACrySplit.BabyId(b));
        Assert.Equal(DonateACrySplit.IsTest(a), DonateACrySplit.IsTest(b));
    }

    [Fact]
    public void Roughly_one_baby_in_four_is_held_out()
    {
        var ids = Enumerable.Range(0, 400).Select(i => $"{Guid.NewGuid()}-1430232157-1.0-f-26-hu.wav").ToList();

        double share = ids.Count(DonateACrySplit.IsTest) / (double)ids.Count;

        Assert.InRange(share, 0.17, 0.33);
    }

    [Theory]
    [InlineData("spoken-digits/3_george_7.wav", "george")]
    [InlineData("speech/speech-en-f2-p75.wav", "speech-en-f2")]
    [InlineData("household-noise/running_tap.wav", "running_tap")]
    public void Negatives_are_split_by_speaker_voice_or_recording(string path, string source)
    {
        Assert.Equal(source, DonateACrySplit.NegativeSource(path));
    }

    [Theory]
    [InlineData("speech/gcompris-fr-voice__numbers-1.wav", "gcompris-fr-voice")]
    [InlineData("tv/hedgewars-pirate__part-007.wav", "hedgewars-pirate")]
    [InlineData("music/wesnoth-music__the_king_is_dead.wav", "wesnoth-music")]
    [InlineData("speech/3_george_7__part-001.wav", "3_george_7")]
    [InlineData("speech/speech-en-f2-p75__x.wav", "speech-en-f2-p75")]
    public void A_double_underscore_names_the_source_of_a_packaged_negative(string path, string source)
    {
        Assert.Equal(source, DonateACrySplit.NegativeSource(path));
    }

    [Fact]
    public void Every_part_of_one_packaged_source_lands_on_the_same_side()
    {
        // 40 sources of 30 parts each: no source may be split, and the held-out share is still about one in four.
        var sources = Enumerable.Range(0, 40).Select(s => $"voice-{s}").ToList();
        var sides = sources.Select(s => Enumerable.Range(1, 30)
            .Select(p => DonateACrySplit.IsTestNegative($"speech/{s}__part-{p:000}.wav")).Distinct().ToList()).ToList();

        Assert.All(sides, side => Assert.Single(side));
        Assert.InRange(sides.Count(side => side[0]), 3, 18);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(20)]
    public void Mixing_reaches_the_requested_signal_to_noise_ratio(double snr)
    {
        var signal = NoiseGenerator.White(48000, 1);
        for (int i = 0; i < signal.Length; i++)
        {
            signal[i] *= 0.1f;
        }

        double signalPower = NoiseGenerator.Power(signal);
        var mixed = (float[])signal.Clone();
        NoiseGenerator.MixAtSnr(mixed, NoiseGenerator.Pink(48000, 2), signalPower, snr);
        var noise = mixed.Select((x, i) => x - signal[i]).ToArray();

        double measured = 10 * Math.Log10(signalPower / NoiseGenerator.Power(noise));
        Assert.InRange(measured, snr - 0.1, snr + 0.1);
    }

    [Fact]
    public void Pink_noise_falls_3_dB_per_octave()
    {
        var pink = NoiseGenerator.Pink(1 << 16, 3);

        // Power in a band per octave is flat for pink noise: compare 250-500 Hz with 2-4 kHz via simple DFT sums.
        double low = BandPower(pink, 16000, 250, 500);
        double high = BandPower(pink, 16000, 2000, 4000);
        Assert.InRange(10 * Math.Log10(low / high), -2, 2);
    }

    private static double BandPower(float[] x, int rate, double from, double to)
    {
        int n = 4096;
        double total = 0;
        for (double f = from; f < to; f += (to - from) / 24)
        {
            double re = 0, im = 0;
            for (int i = 0; i < n; i++)
            {
                re += x[i] * Math.Cos(2 * Math.PI * f * i / rate);
                im += x[i] * Math.Sin(2 * Math.PI * f * i / rate);
            }

            total += ((re * re) + (im * im)) * f;
        }

        return total;
    }
}
