using SecureBase.Audio.Detection;
using SecureBase.Audio.Evaluation;
using SecureBase.Audio.Model;
using SecureBase.Audio.Tests.Synthesis;
using static SecureBase.Audio.Tests.Detection.DetectorHarness;

namespace SecureBase.Audio.Tests.Model;

/// <summary>
/// A model that weighs the short-time-spectrum features (<see cref="CryUnitFeatures.SpectralOffset"/> on) makes the
/// detector compute them for pending units; a model over the older, shorter feature list still loads and works.
/// </summary>
public class SpectralModelTests
{
    private const int Rate = 16000;
    private static readonly int HarmonicShare = CryUnitFeatures.Names.ToList().IndexOf("harmonic-share");

    [Fact]
    public void The_detector_feeds_the_spectrum_to_a_model_that_reads_it()
    {
        // A synthetic cry puts nearly all its power on its harmonics. One model opens only when the share is high,
        // the other only when it is low: if the spectrum were not computed (share 0), the first would never open.
        float[] cry = Cry(450);
        var wantsHarmonic = new CryDetectorOptions { UseLearnedModel = true, UseTreeModel = false, Model = OnlyHarmonicShare(weight: 40, bias: -40 * 0.6f) };
        var wantsNoise = new CryDetectorOptions { UseLearnedModel = true, UseTreeModel = false, Model = OnlyHarmonicShare(weight: -40, bias: 40 * 0.6f) };

        Assert.True(wantsHarmonic.Model!.UsesSpectrum);
        Assert.Single(Detect(cry, Rate, options: wantsHarmonic).Episodes);
        Assert.Empty(Detect(cry, Rate, options: wantsNoise).Episodes);
    }

    [Fact]
    public void A_model_over_the_twenty_older_features_still_loads_and_needs_no_spectrum()
    {
        int count = CryUnitFeatures.SpectralOffset;
        var old = new CryUnitModel
        {
            Features = [.. CryUnitFeatures.Names.Take(count)],
            Mean = new float[count],
            Scale = Enumerable.Repeat(1f, count).ToArray(),
            Weights = Enumerable.Range(0, count).Select(i => 0.01f * i).ToArray(),
            Bias = 0.2f,
            Threshold = 0.4f,
        };
        using var buffer = new MemoryStream();
        old.Save(buffer);
        buffer.Position = 0;

        CryUnitModel loaded = CryUnitModel.Load(buffer);
        float[] features = Enumerable.Range(0, CryUnitFeatures.Count).Select(i => i < count ? 1f : 1000f).ToArray();

        Assert.False(loaded.UsesSpectrum);
        Assert.Equal(old.Probability(features.AsSpan(0, count)), loaded.Probability(features));
    }

    [Fact]
    public void A_model_whose_features_are_not_a_leading_part_of_the_list_is_refused()
    {
        var shuffled = OnlyHarmonicShare(1, 0);
        var broken = new CryUnitModel
        {
            Features = [.. shuffled.Features.Reverse()],
            Mean = shuffled.Mean,
            Scale = shuffled.Scale,
            Weights = shuffled.Weights,
            Bias = 0,
            Threshold = 0.5f,
        };
        using var buffer = new MemoryStream();
        broken.Save(buffer);
        buffer.Position = 0;

        Assert.Throws<InvalidDataException>(() => CryUnitModel.Load(buffer));
    }

    [Fact]
    public void A_crying_stream_judged_on_its_spectrum_allocates_nothing_per_chunk()
    {
        var cry = new SignalBuilder(Rate).Silence(1).Append(CrySynth.Units(Rate, 450, 6, 1.0, 0.3)).Build();
        var detector = new CryDetector(new CryDetectorOptions { UseLearnedModel = true, UseTreeModel = false, Model = OnlyHarmonicShare(weight: 40, bias: -40 * 0.6f) });
        var sink = new EventRecorder();
        detector.Process(cry, sink); // warm-up

        long fewest = Allocations.FewestWhileStreaming(detector, cry, sink);

        Assert.True(detector.InEpisode);
        Assert.Equal(0, fewest);
    }

    private static CryUnitModel OnlyHarmonicShare(float weight, float bias)
    {
        int count = CryUnitFeatures.Count;
        var weights = new float[count];
        weights[HarmonicShare] = weight;
        return new CryUnitModel
        {
            Features = [.. CryUnitFeatures.Names],
            Mean = new float[count],
            Scale = Enumerable.Repeat(1f, count).ToArray(),
            Weights = weights,
            Bias = bias,
            Threshold = 0.5f,
        };
    }

    private static float[] Cry(double f0Hz) =>
        new SignalBuilder(Rate).Silence(2).Append(CrySynth.Units(Rate, f0Hz, 3, 1.0, 0.4, levelDbfs: -20)).Silence(6).Build();
}
