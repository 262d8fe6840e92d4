using SecureBase.Audio.Detection;
using SecureBase.Audio.Evaluation;
using SecureBase.Audio.Model;
using SecureBase.Audio.Tests.Synthesis;
using static SecureBase.Audio.Tests.Detection.DetectorHarness;

namespace SecureBase.Audio.Tests.Model;

/// <summary>The cry-unit classifier: its file format, its pitch band, and reproducible training.</summary>
public sealed class CryUnitModelTests : IDisposable
{
    private const int Rate = 16000;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "securebase-model-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void A_model_saved_and_loaded_keeps_its_band_and_gives_the_same_probabilities()
    {
        CryUnitModel model = Model(bias: 0.3f, band: 430);
        float[] features = [6.0f, 0.2f, 0.1f, 0.8f, 0.05f, 0.85f, 0.1f, 0.9f, 4f, 0.5f, 1.4f, 0f, 0.4f, 0.1f, 0.03f, 0.1f, 1f, 7.1f, 0.05f, 0.7f, -1.2f, -1.1f, -0.5f, -0.6f, 0f, -0.3f, 0.4f, 0.7f, 1.4f, -3f, -1.3f, 0.7f];

        using var buffer = new MemoryStream();
        model.Save(buffer);
        buffer.Position = 0;
        CryUnitModel loaded = CryUnitModel.Load(buffer);

        Assert.Equal(430f, loaded.MaxMedianF0Hz);
        Assert.Equal(model.Probability(features), loaded.Probability(features));
        Assert.True(loaded.Judges(429));
        Assert.False(loaded.Judges(430));
    }

    [Fact]
    public void A_model_with_a_nonsensical_band_is_refused()
    {
        using var buffer = new MemoryStream();
        Model(bias: 0, band: -5).Save(buffer);
        buffer.Position = 0;

        Assert.Throws<InvalidDataException>(() => CryUnitModel.Load(buffer));
    }

    [Fact]
    public void The_model_has_a_say_only_on_units_inside_its_band()
    {
        // A model that calls nothing a cry, limited to units under 430 Hz.
        var vetoBelow430 = new CryDetectorOptions { UseLearnedModel = true, UseTreeModel = false, Model = Model(bias: -50, band: 430) };
        var vetoAll = new CryDetectorOptions { UseLearnedModel = true, UseTreeModel = false, Model = Model(bias: -50, band: null) };
        float[] low = Cry(380);
        float[] high = Cry(520);

        Assert.Empty(Detect(low, Rate, options: vetoBelow430).Episodes);
        Assert.Single(Detect(high, Rate, options: vetoBelow430).Episodes);
        Assert.Empty(Detect(high, Rate, options: vetoAll).Episodes);
        // Without the model both are cries to the hand rules.
        Assert.Single(Detect(low, Rate, options: vetoBelow430 with { UseLearnedModel = false }).Episodes);
    }

    [Fact]
    public void Training_twice_with_the_same_seed_writes_the_same_model_for_every_unit()
    {
        string positives = Path.Combine(_root, "cries");
        string negatives = Path.Combine(_root, "voices");
        Directory.CreateDirectory(positives);
        Directory.CreateDirectory(negatives);
        // Babies and speakers whose names fall on the training side of the split (held-out ones are skipped).
        var babies = Enumerable.Range(0, 40).Select(i => $"{i:X8}-0000-0000-0000-000000000000-1430000000-1.0-f-26-hu.wav")
            .Where(name => !DonateACrySplit.IsTest(name)).Take(3).ToList();
        var speakers = Enumerable.Range(0, 40).Select(i => $"speech-voice{i}-p99.wav")
            .Where(name => !DonateACrySplit.IsTestNegative(name)).Take(3).ToList();
        for (int i = 0; i < 3; i++)
        {
            WavWriter.Write(Path.Combine(positives, babies[i]), Cry(380 + (10 * i)), Rate);
            float[] voice = new SignalBuilder(Rate).Silence(1).Append(NonCrySynth.Speech(Rate, 400 + (10 * i), 8, seed: i)).Build();
            WavWriter.Write(Path.Combine(negatives, speakers[i]), voice, Rate);
        }

        string first = Path.Combine(_root, "a.json");
        string second = Path.Combine(_root, "b.json");
        CryUnitModel model = CryModelTrainer.Train(positives, negatives, first, seed: 7);
        CryModelTrainer.Train(positives, negatives, second, seed: 7);

        Assert.Equal(File.ReadAllText(first), File.ReadAllText(second));
        Assert.Null(model.MaxMedianF0Hz);
        Assert.Equal(CryModelTrainer.DecisionThreshold, model.Threshold);
        Assert.Contains("every unit", model.Provenance, StringComparison.Ordinal);
    }

    private static float[] Cry(double f0Hz) =>
        new SignalBuilder(Rate).Silence(2).Append(CrySynth.Units(Rate, f0Hz, 3, 1.0, 0.4, levelDbfs: -20)).Silence(6).Build();

    private static CryUnitModel Model(float bias, float? band)
    {
        int count = CryUnitFeatures.Count;
        return new CryUnitModel
        {
            Features = [.. CryUnitFeatures.Names],
            Mean = new float[count],
            Scale = Enumerable.Repeat(1f, count).ToArray(),
            Weights = Enumerable.Range(0, count).Select(i => 0.1f * i).ToArray(),
            Bias = bias,
            Threshold = 0.5f,
            MaxMedianF0Hz = band,
        };
    }

    [Fact]
    public void Trainers_refuse_a_missing_folder_among_several_negatives_and_write_nothing()
    {
        string cries = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"sb-cries-{Guid.NewGuid():N}")).FullName;
        string noise = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"sb-noise-{Guid.NewGuid():N}")).FullName;
        string missing = Path.Combine(Path.GetTempPath(), $"sb-missing-{Guid.NewGuid():N}");
        string output = Path.Combine(Path.GetTempPath(), $"sb-model-{Guid.NewGuid():N}.json");
        try
        {
            string negatives = noise + Path.PathSeparator + missing;

            var unit = Assert.Throws<ArgumentException>(() => CryModelTrainer.Train(cries, negatives, output, seed: 1));
            var patch = Assert.Throws<ArgumentException>(() => CryPatchTrainer.Train(cries, negatives, output, seed: 1));

            Assert.Contains(missing, unit.Message, StringComparison.Ordinal);
            Assert.Contains(missing, patch.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(output));
        }
        finally
        {
            Directory.Delete(cries);
            Directory.Delete(noise);
        }
    }
}
